/** cognito-elements: the public surface. The store and the elements are added by the next issue. */
export const VERSION = '0.1.0';
