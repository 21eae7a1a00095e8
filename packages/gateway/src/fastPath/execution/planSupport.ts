import type { PlanNode, QueryPlan } from '@apollo/query-planner';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { introspectionFieldNames } from '../../operation/introspectionFields.js';

/**
 * Whether the BFF's executor runs this plan itself: every kind of node, and no fetch with data rewrites
 * (@interfaceObject, @fromContext). The rest goes to @apollo/gateway's own (which runs neither @defer nor
 * subscriptions).
 */
export function isPlanSupported(plan: QueryPlan): boolean {
  const { node } = plan;
  if (!node) return true;
  if (node.kind === 'Subscription') return isNodeSupported(node.primary) && (!node.rest || isNodeSupported(node.rest));
  return isNodeSupported(node);
}

function isNodeSupported(node: PlanNode): boolean {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every(isNodeSupported);
    case 'Flatten':
      return isNodeSupported(node.node);
    case 'Fetch':
      return (
        !node.inputRewrites?.length && !node.outputRewrites?.length && !node.contextRewrites?.length && !node.hasDefers
      );
    case 'Condition':
      return (
        (!node.ifClause || isNodeSupported(node.ifClause)) && (!node.elseClause || isNodeSupported(node.elseClause))
      );
    case 'Defer':
      return (
        (!node.primary.node || isNodeSupported(node.primary.node)) &&
        node.deferred.every((deferred) => !deferred.node || isNodeSupported(deferred.node))
      );
    default:
      return false;
  }
}

/** Whether the document asks for `__schema` or `__type`: introspection is answered by @apollo/gateway's executor. */
export function selectsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(field) {
      if (!introspectionFieldNames.has(field.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
