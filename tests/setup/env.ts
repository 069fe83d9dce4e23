// Runs before every test file. Tests use the embedded PGlite in memory unless
// `npm run test:postgres` has put a throwaway PostgreSQL server in TEST_DATABASE_URL.
process.env.NODE_ENV = "test";
process.env.LOG_LEVEL ??= "silent";
process.env.PGLITE_DATA_DIR = "memory://";
process.env.SEED_DEMO_DATA = "always";
process.env.APP_URL ??= "http://localhost:3000";
delete process.env.SMTP_URL;
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
else delete process.env.DATABASE_URL;
