import { createHash } from 'node:crypto';

const FORME_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace's bytes then of the name in
 * UTF-8): the same namespace and name always give the same id, so a record reloaded from its
 * source keeps the id that memberships, history and links point to.
 */
export function uuidNomme(espace: string, nom: string): string {
  if (!FORME_UUID.test(espace)) throw new Error(`Espace de noms invalide (UUID attendu) : « ${espace} »`);
  const octets = createHash('sha1')
    .update(Buffer.from(espace.replace(/-/g, ''), 'hex'))
    .update(nom, 'utf8')
    .digest()
    .subarray(0, 16);
  octets[6] = (octets[6]! & 0x0f) | 0x50;
  octets[8] = (octets[8]! & 0x3f) | 0x80;
  const hexa = octets.toString('hex');
  return `${hexa.slice(0, 8)}-${hexa.slice(8, 12)}-${hexa.slice(12, 16)}-${hexa.slice(16, 20)}-${hexa.slice(20)}`;
}
