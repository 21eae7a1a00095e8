import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

/**
 * Absolute path of the reviews subgraph SDL. The file is the single source of truth: the
 * server builds its schema from it and composition reads it.
 */
export const reviewsSchemaPath: string = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** The reviews subgraph SDL, exactly as in {@link reviewsSchemaPath}. */
export const reviewsTypeDefs: string = readFileSync(reviewsSchemaPath, 'utf8');

/** {@link reviewsTypeDefs}, parsed. */
export const reviewsTypeDefsDocument: DocumentNode = parse(reviewsTypeDefs);
