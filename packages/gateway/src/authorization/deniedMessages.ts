/** The kit's wording when a rule denies without a message of its own. */
export const deniedFieldMessage = (typeName: string, fieldName: string) =>
  `Not allowed to read ${typeName}.${fieldName}.`;
export const deniedObjectMessage = (typeName: string) => `Not allowed to read this ${typeName}.`;
export const deniedRootMessage = (operation: string, fieldName: string) =>
  operation === 'mutation'
    ? `Not allowed to run mutation ${fieldName}.`
    : operation === 'subscription'
      ? `Not allowed to subscribe to ${fieldName}.`
      : `Not allowed to ${operation} ${fieldName}.`;
