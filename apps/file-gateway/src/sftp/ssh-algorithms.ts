import type { Algorithms } from 'ssh2';

/**
 * What the SFTP listeners offer (batch-files.md): AES-256 first, no CBC, no SHA-1 anywhere (kex,
 * MACs, host key signatures), so `ssh-rsa` host key signatures and `diffie-hellman-group14-sha1`
 * are never negotiated. ssh2 appends `kex-strict-s-v00@openssh.com` itself (Terrapin), and throws
 * at construction for a name it does not implement, so this list cannot silently shrink.
 */
export const SSH_ALGORITHMS: Algorithms = {
  kex: [
    'curve25519-sha256',
    'curve25519-sha256@libssh.org',
    'ecdh-sha2-nistp256',
    'ecdh-sha2-nistp384',
    'ecdh-sha2-nistp521',
    'diffie-hellman-group-exchange-sha256',
    'diffie-hellman-group16-sha512',
    'diffie-hellman-group18-sha512',
    'diffie-hellman-group14-sha256',
  ],
  cipher: [
    'aes256-gcm@openssh.com',
    'aes256-ctr',
    'aes128-gcm@openssh.com',
    'aes128-ctr',
    // ssh2 implements it (native binding, else WebAssembly Poly1305); last because AES-GCM with
    // AES-NI is faster and the spec wants AES-256 first.
    'chacha20-poly1305@openssh.com',
  ],
  serverHostKey: ['ssh-ed25519', 'rsa-sha2-512', 'rsa-sha2-256'],
  hmac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512'],
  compress: ['none'],
};

/** Client key types accepted for public-key login: RSA (1024 bits and up) and Ed25519. */
export const CLIENT_KEY_TYPES: ReadonlySet<string> = new Set(['ssh-rsa', 'ssh-ed25519']);
