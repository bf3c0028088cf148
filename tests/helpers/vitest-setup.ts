// vitest setupFiles: a test that runs a missing program (pdftoppm, zbarimg, ffmpeg, convert…) is
// skipped with the program and its package named (tests/helpers/programs.ts).
import { TestRunner } from 'vitest';
import { guardPrograms } from './programs';

guardPrograms((reason) => {
  const test = TestRunner.getCurrentTest();
  if (!test?.context) throw new Error(reason); // outside a test (a beforeAll): fail, with the reason
  return test.context.skip(reason) as never;
});
