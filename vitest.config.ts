// Test projects: `unit` (engine, protocol layer, adapters in-process) and `conformance`
// (real clients — AWS SDK v3, nodemailer, swaks, boto3, AWS CLI — against a headless server on port 0).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
