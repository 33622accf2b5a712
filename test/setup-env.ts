// Test-only configuration, set before any module reads the environment. Secrets here sign nothing real.
process.env.ARCADIA_JWT_SECRET ??= "test-arcadia-secret-0123456789abcdef0123456789abcdef";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-0123456789abcdef0123456789abcdef";
process.env.LOG_LEVEL ??= "silent";
