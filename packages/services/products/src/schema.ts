import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

/**
 * Absolute path of the products subgraph SDL. The file is the single source of truth: the
 * server builds its schema from it and composition reads it.
 */
export const productsSchemaPath: string = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** The products subgraph SDL, exactly as in {@link productsSchemaPath}. */
export const productsTypeDefs: string = readFileSync(productsSchemaPath, 'utf8');

/** {@link productsTypeDefs}, parsed. */
export const productsTypeDefsDocument: DocumentNode = parse(productsTypeDefs);
