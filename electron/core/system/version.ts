// Kept in step with package.json by tests/unit/contract.test.ts; a constant avoids reading
// package.json at run time, which is not where it was once the app is packaged.
export const APP_VERSION = '0.1.0';
