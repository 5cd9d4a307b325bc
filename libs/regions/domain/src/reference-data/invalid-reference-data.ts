/** The reference data contradicts itself; loading it would record nonsense, so nothing is loaded. */
export class InvalidReferenceData extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReferenceData';
  }
}
