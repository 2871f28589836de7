import 'reflect-metadata';

// The file gateway's entry point; the SFTP and FTPS listeners are wired in file-gateway.module.ts.
async function bootstrap() {
  const { startFileGateway } = await import('./file-gateway');
  await startFileGateway();
}

bootstrap().catch((err) => {
  process.stderr.write(`file gateway failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
