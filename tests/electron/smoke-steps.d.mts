export declare const SMOKE_STEPS: readonly (readonly [title: string, what: string])[];
