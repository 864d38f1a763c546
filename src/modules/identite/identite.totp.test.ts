import { describe, expect, it } from 'vitest';
import { codeTotpCourant, genererSecretTotp, qrCodeTotp, uriOtpauth, verifierCodeTotp } from './identite.totp.js';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", here in base32.
const SECRET_RFC = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PAS = 30_000;

function a(pas: number): Date {
  // 10 s into the step, so that ±1 step never crosses an unexpected boundary.
  return new Date(pas * PAS + 10_000);
}

describe('codeTotpCourant', () => {
  // The RFC lists 8-digit codes; a 6-digit code is the same truncation modulo 10^6.
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('rend à T = %i les 6 derniers chiffres du vecteur RFC 6238 %s', (secondes, huitChiffres) => {
    expect(codeTotpCourant(SECRET_RFC, new Date(secondes * 1000))).toBe(huitChiffres.slice(2));
  });
});

describe('genererSecretTotp et uriOtpauth', () => {
  it('tire un secret base32 d’au moins 160 bits, différent à chaque fois', () => {
    const secret = genererSecretTotp();

    expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
    expect(genererSecretTotp()).not.toBe(secret);
  });

  it('écrit l’URI otpauth avec l’émetteur, le compte et le secret', () => {
    const uri = new URL(uriOtpauth({ secret: SECRET_RFC, compte: 'jean.dupont@exemple.fr', emetteur: 'Trajectoires' }));

    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Trajectoires:jean.dupont@exemple.fr');
    expect(uri.searchParams.get('secret')).toBe(SECRET_RFC);
    expect(uri.searchParams.get('issuer')).toBe('Trajectoires');
  });

  it('dessine le QR code en image SVG', async () => {
    const image = await qrCodeTotp(uriOtpauth({ secret: SECRET_RFC, compte: 'a@b.fr', emetteur: 'Trajectoires' }));

    expect(image.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(image.split(',')[1]!, 'base64').toString()).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
  });
});

describe('verifierCodeTotp', () => {
  // A fixed secret keeps the tests deterministic (a random one could collide across steps once in a million).
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const pas = 58_000_000;

  it('accepte le code du pas courant et rend ce pas', () => {
    expect(verifierCodeTotp({ secret, code: codeTotpCourant(secret, a(pas)), dernierPasAccepte: null, maintenant: a(pas) })).toEqual({ valide: true, pas });
  });

  it.each([-1, 1])('tolère un décalage d’horloge de %i pas', (decalage) => {
    const code = codeTotpCourant(secret, a(pas + decalage));

    expect(verifierCodeTotp({ secret, code, dernierPasAccepte: null, maintenant: a(pas) })).toEqual({
      valide: true,
      pas: pas + decalage,
    });
  });

  it.each([-2, 2])('refuse un décalage de %i pas', (decalage) => {
    const code = codeTotpCourant(secret, a(pas + decalage));

    expect(verifierCodeTotp({ secret, code, dernierPasAccepte: null, maintenant: a(pas) })).toEqual({ valide: false });
  });

  it('refuse de rejouer un code déjà accepté, et accepte celui du pas suivant', () => {
    const code = codeTotpCourant(secret, a(pas));
    const premier = verifierCodeTotp({ secret, code, dernierPasAccepte: null, maintenant: a(pas) });
    expect(premier).toEqual({ valide: true, pas });

    expect(verifierCodeTotp({ secret, code, dernierPasAccepte: pas, maintenant: a(pas) })).toEqual({ valide: false });
    const suivant = codeTotpCourant(secret, a(pas + 1));
    expect(verifierCodeTotp({ secret, code: suivant, dernierPasAccepte: pas, maintenant: a(pas + 1) })).toEqual({
      valide: true,
      pas: pas + 1,
    });
  });

  it('refuse un code antérieur au dernier pas accepté, même dans la fenêtre de tolérance', () => {
    const precedent = codeTotpCourant(secret, a(pas - 1));

    expect(verifierCodeTotp({ secret, code: precedent, dernierPasAccepte: pas, maintenant: a(pas) })).toEqual({
      valide: false,
    });
  });

  it('refuse sans lever d’erreur quand le dernier pas accepté est dans le futur (horloge reculée)', () => {
    const code = codeTotpCourant(secret, a(pas));

    expect(verifierCodeTotp({ secret, code, dernierPasAccepte: pas + 5, maintenant: a(pas) })).toEqual({ valide: false });
  });

  it('refuse un autre code du pas courant', () => {
    const code = codeTotpCourant(secret, a(pas));
    const autre = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    expect(verifierCodeTotp({ secret, code: autre, dernierPasAccepte: null, maintenant: a(pas) })).toEqual({
      valide: false,
    });
  });

  it.each(['', '12345', '1234567', '12 345', 'abcdef', '١٢٣٤٥٦', ' 123456'])('refuse sans lever d’erreur la saisie « %s »', (code) => {
    expect(verifierCodeTotp({ secret, code, dernierPasAccepte: null, maintenant: a(pas) })).toEqual({
      valide: false,
    });
  });
});
