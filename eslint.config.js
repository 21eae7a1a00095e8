// @ts-check
/**
 * One lint config for the whole repository: typescript-eslint's strict, type-aware rules, a line-length check at 120
 * that Prettier leaves to us (strings and comments), and Prettier's formatting left to Prettier.
 * Each rule switched off or relaxed says why on its line (STYLE.md: "a few lint rules, each with a reason").
 */
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** Longest line, in characters; the same as Prettier's printWidth (.prettierrc.json). */
const maxLineLength = 120;

/** The comment STYLE.md puts before every GraphQL document or SDL held in a string. */
const graphqlMarker = /^\s*GraphQL\s*$/;

/** Calls whose first argument is a test's title: `it('…')`, `describe.each(…)('…')`, `test.skip('…')`. */
const testFunctions = new Set(['describe', 'it', 'test']);

/**
 * The function a callee comes down to: `it` for `it`, `it.skip` and `it.each(table)`.
 * @param {import('estree').Node} callee
 * @returns {string | undefined}
 */
function rootName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return rootName(callee.object);
  if (callee.type === 'CallExpression') return rootName(callee.callee);
  return undefined;
}

/**
 * Lines longer than {@link maxLineLength} that Prettier cannot break: long strings and comments. Four kinds may stay
 * long, as splitting them would hurt or cannot be done:
 * - a line holding a URL: it must stay whole to be followed;
 * - a GraphQL document or SDL (marked `/* GraphQL *\/` or tagged `gql`/`graphql`): it reads as GraphQL, not as a
 *   JavaScript expression;
 * - a test's title: `vitest -t` matches it and the report prints it whole, so it must grep as one string;
 * - a regular expression literal, which has no syntax to be split.
 * Core ESLint's `max-len` cannot tell these from any other string, hence this rule.
 * @type {import('eslint').Rule.RuleModule}
 */
const maxLineLengthRule = {
  meta: {
    type: 'layout',
    docs: { description: `Lines at most ${maxLineLength} characters, but for URLs, GraphQL, test titles, regexps` },
    messages: {
      tooLong: 'This line has {{length}} characters, more than {{max}}: split the string or wrap the comment.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    /** @type {Set<number>} lines (1-based) of a GraphQL document, a test title or a regular expression */
    const exemptLines = new Set();
    /** @param {import('estree').Literal | import('estree').TemplateLiteral} node */
    const exemptIfItMayStayLong = (node) => {
      const parent = /** @type {{ parent?: import('estree').Node }} */ (node).parent;
      const tagged =
        parent?.type === 'TaggedTemplateExpression' &&
        parent.tag.type === 'Identifier' &&
        (parent.tag.name === 'gql' || parent.tag.name === 'graphql');
      const marked = sourceCode.getCommentsBefore(node).some((comment) => graphqlMarker.test(comment.value));
      const testTitle =
        parent?.type === 'CallExpression' &&
        parent.arguments[0] === node &&
        testFunctions.has(rootName(parent.callee) ?? '');
      if (!tagged && !marked && !testTitle) return;
      const { loc } = node;
      if (!loc) return;
      for (let line = loc.start.line; line <= loc.end.line; line += 1) exemptLines.add(line);
    };
    return {
      TemplateLiteral: exemptIfItMayStayLong,
      Literal(node) {
        if (typeof node.value === 'string') exemptIfItMayStayLong(node);
        // A regular expression has no way to be split.
        else if ('regex' in node && node.loc)
          for (let line = node.loc.start.line; line <= node.loc.end.line; line += 1) exemptLines.add(line);
      },
      'Program:exit'() {
        sourceCode.lines.forEach((text, index) => {
          // Characters, not UTF-16 units: '≥' counts one, as it shows.
          const length = Array.from(text).length;
          const line = index + 1;
          if (length <= maxLineLength || exemptLines.has(line) || /[a-z][a-z+.-]*:\/\/\S/i.test(text)) return;
          context.report({
            loc: { start: { line, column: 0 }, end: { line, column: text.length } },
            messageId: 'tooLong',
            data: { length: String(length), max: String(maxLineLength) },
          });
        });
      },
    };
  },
};

export default defineConfig(
  {
    ignores: ['**/node_modules/', '**/dist/', 'supergraph/', 'test-artifacts/', 'coverage/'],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with its nearest tsconfig.json (the explorer's browser code with its own, DOM one);
        // the few JavaScript files outside any tsconfig get a default project.
        projectService: { allowDefaultProject: ['*.js', 'packages/gateway/bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { local: { rules: { 'max-line-length': maxLineLengthRule } } },
    rules: {
      'local/max-line-length': 'error',
      // Crashes (Maximum call stack size exceeded) on graphql-js's recursive GraphQLInputType in 8.74.0.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Fastify hooks and handlers and Apollo plugin hooks are async by contract (a sync fastify hook calls done()).
      '@typescript-eslint/require-await': 'off',
      // A number prints exactly in a template; nullish values and objects stay errors ("undefined", "[object Object]").
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowAny: false,
          allowBoolean: false,
          allowNever: false,
          allowNullish: false,
          allowRegExp: false,
        },
      ],
      // `(done) => child.once('exit', done)` is the idiom for a callback; void in a value position stays an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `{ secret: _secret, ...rest }` drops a key and `for (const _ of …)` repeats: both unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // Tests index fixtures they built themselves; a wrong guess fails the test on the spot.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Teardown guards a setup that may have thrown before it assigned: `afterAll(() => server?.close())`.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Tests read JSON answers (`res.body.data…`) and match with `expect.any()`, both `any`; assertions check them.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['packages/conformance/src/scenarios/**'],
    rules: {
      // Scenario subgraphs are test fixtures: their resolvers index their own seed data by the keys they serve.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
