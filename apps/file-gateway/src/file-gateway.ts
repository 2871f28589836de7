/** Starts the gateway's listeners (wired as the servers land). */
export async function startFileGateway(): Promise<void> {
  throw new Error('the file gateway is not wired yet');
}
