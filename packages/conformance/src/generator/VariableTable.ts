/** A variable of a generated document, defined alike in every operation that uses it. */
export interface GeneratedVariable {
  readonly name: string;
  /** Its declared type, printed (`Boolean!`). */
  readonly typeText: string;
  /** The type of the place it was made for, printed: it may be used again only where the type is the same. */
  readonly locationText: string;
  /** Its default value as written, if it has one. */
  readonly defaultText: string | undefined;
  /** What the request sends for it: a value (maybe `null`), or nothing so that the default (or absence) applies. */
  readonly sent: { readonly value: unknown } | undefined;
}

/** The variables of one generated document, shared by all its operations and fragments. */
export class VariableTable {
  private readonly variables = new Map<string, GeneratedVariable>();

  /** A name not used yet, made from `base` (`upc` gives `upc1`, `upc2`…). */
  freshName(base: string): string {
    for (let index = 1; ; index += 1) {
      const name = `${base}${index}`;
      if (!this.variables.has(name)) return name;
    }
  }

  add(variable: GeneratedVariable): void {
    this.variables.set(variable.name, variable);
  }

  get(name: string): GeneratedVariable {
    const variable = this.variables.get(name);
    if (variable === undefined) throw new Error(`no variable $${name} was generated`);
    return variable;
  }

  /** The variables made for a place of the type `locationText`, any of which may be used there again. */
  usableAt(locationText: string): GeneratedVariable[] {
    return [...this.variables.values()].filter((variable) => variable.locationText === locationText);
  }

  /** `$name: Type = default`. */
  definitionText(name: string): string {
    const { typeText, defaultText } = this.get(name);
    return `$${name}: ${typeText}${defaultText === undefined ? '' : ` = ${defaultText}`}`;
  }
}
