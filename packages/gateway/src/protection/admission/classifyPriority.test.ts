import { describe, expect, it } from 'vitest';
import { createPriorityClassifier } from './classifyPriority.js';

describe('createPriorityClassifier', () => {
  const classify = createPriorityClassifier(
    {
      critical: ['createOrder'],
      high: ['productPage', 'client:web-checkout'],
      normal: [],
      low: ['client:batch-exporter'],
    },
    'normal',
  );

  it('classifies by operation name, case-insensitively', () => {
    expect([classify('createOrder', 'web'), classify('CreateOrder', 'web'), classify('ProductPage', 'web')]).toEqual([
      'critical',
      'critical',
      'high',
    ]);
  });

  it('classifies by client app when no entry names the operation, and an operation name wins over its client', () => {
    expect([
      classify('AccountPage', 'batch-exporter'),
      classify(null, 'web-checkout'),
      classify('createOrder', 'batch-exporter'),
    ]).toEqual(['low', 'high', 'critical']);
  });

  it('gives everything else the default class, anonymous operations included', () => {
    expect([classify(null, 'web'), classify(undefined, 'mobile'), classify('constructor', 'web')]).toEqual([
      'normal',
      'normal',
      'normal',
    ]);
  });
});
