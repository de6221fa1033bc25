/**
 * Lit's @customElement, except that a name already defined is left alone: two copies of the library on one
 * page (say, a bundle and a CDN script) must not throw.
 */
export const customElement =
  (name: string) =>
  (constructor: CustomElementConstructor): void => {
    if (typeof customElements !== 'undefined' && !customElements.get(name)) customElements.define(name, constructor);
  };
