/** The processor connector in use (the sandbox unless a real connector is configured). */
export const PROCESSOR = Symbol('PROCESSOR');
