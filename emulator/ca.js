// A throwaway certificate authority for the emulator: one CA certificate and one leaf
// certificate for 127.0.0.1 / localhost, both made fresh at every start. The CA's PEM is written
// to a temp file so a child process can trust it through NODE_EXTRA_CA_CERTS; nothing here ever
// turns TLS verification off.
import { constants, generateKeyPair, privateEncrypt, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import forge from 'node-forge'

const { pki, md } = forge

/**
 * RSA key pair from Node's native generator (off the main thread). node-forge only builds the
 * certificates; the RSA signatures are Node's too (forge's pure-JS RSA takes seconds under jest
 * on Node 24).
 */
export async function rsaKeyPair() {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' }
  })
  return {
    privateKeyPem: privateKey,
    publicKey: pki.publicKeyFromPem(publicKey),
    /** What forge's certificate.sign(key, md) calls: RSASSA-PKCS1-v1_5 over md's SHA-256 digest. */
    signer: {
      sign(md) {
        const digestInfo = Buffer.concat([
          SHA256_DIGEST_INFO,
          Buffer.from(md.digest().getBytes(), 'binary')
        ])
        const signature = privateEncrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
          digestInfo
        )
        return signature.toString('binary')
      }
    }
  }
}

/** DER prefix of a PKCS#1 DigestInfo for SHA-256 (RFC 8017, 9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

export function serial() {
  // Positive and minimal, 16 bytes: forge writes these bytes as the DER INTEGER as they are, so
  // the high bit is cleared (else negative) and a bit below it set (a leading 0x00 before a byte
  // under 0x80 is padding OpenSSL refuses: 1 certificate in 256 failed to load).
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] & 0x7f) | 0x40
  return bytes.toString('hex')
}

/** @param {any} cert */
export function validity(cert) {
  const now = Date.now()
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000)
  cert.validity.notAfter = new Date(now + 2 * 24 * 60 * 60 * 1000)
}

/**
 * @returns {Promise<{ caPem: string, certPem: string, keyPem: string, caPath: string, cleanup: () => void }>}
 */
export async function createCertificateAuthority() {
  const [caKeys, leafKeys] = await Promise.all([rsaKeyPair(), rsaKeyPair()])
  const ca = pki.createCertificate()
  ca.publicKey = caKeys.publicKey
  ca.serialNumber = serial()
  validity(ca)
  const caName = [
    { name: 'commonName', value: `kv-private-link-doctor emulator CA ${serial().slice(0, 8)}` },
    { name: 'organizationName', value: 'kv-private-link-doctor tests' }
  ]
  ca.setSubject(caName)
  ca.setIssuer(caName)
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' }
  ])
  ca.sign(/** @type {any} */ (caKeys.signer), md.sha256.create())

  const leaf = pki.createCertificate()
  leaf.publicKey = leafKeys.publicKey
  leaf.serialNumber = serial()
  validity(leaf)
  leaf.setSubject([{ name: 'commonName', value: '127.0.0.1' }])
  leaf.setIssuer(caName)
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' }, // IP:127.0.0.1
        { type: 2, value: 'localhost' } // DNS:localhost
      ]
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() }
  ])
  leaf.sign(/** @type {any} */ (caKeys.signer), md.sha256.create())

  const caPem = pki.certificateToPem(ca)
  const dir = mkdtempSync(join(tmpdir(), 'kvpld-emulator-ca-'))
  const caPath = join(dir, 'ca.pem')
  writeFileSync(caPath, caPem)
  return {
    caPem,
    certPem: pki.certificateToPem(leaf),
    keyPem: leafKeys.privateKeyPem,
    caPath,
    cleanup: () => rmSync(dir, { recursive: true, force: true })
  }
}
