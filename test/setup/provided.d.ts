export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Template for `pgUrl(db)`: the URL of the test PostgreSQL with `{db}` to replace. */
    pgUrlTemplate: string;
    redisUrl: string;
    /** e2e: the started api, and the database it uses. */
    apiUrl: string;
    databaseUrl: string;
    workerHealthUrl: string;
    /** e2e: a session of the demo platform admin, signed in once with its TOTP code. */
    opsToken: string;
    /** e2e: the started file gateway, its storage folder and the demo SFTP account's key. */
    fileGateway: {
      host: string;
      sftpPasswordPort: number;
      sftpKeyPort: number;
      ftpsPort: number;
      hostKeyFingerprints: { ed25519: string; rsa: string };
      storageDir: string;
      demoKeyPath: string;
    };
  }
}
