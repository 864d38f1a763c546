import { texteLibre, z } from '../../../shared/zod.js';

// Authenticator apps show the code as "123 456": the space is accepted.
const codeTotp = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, 'saisissez les 6 chiffres affichés par votre application d’authentification')
  .describe('Code à 6 chiffres de l’application d’authentification (TOTP)');

const codeRecuperation = texteLibre('code de récupération')
  .trim()
  .min(12, 'un code de récupération compte 12 caractères (xxxx-xxxx-xxxx)')
  .max(40, 'un code de récupération compte 12 caractères (xxxx-xxxx-xxxx)')
  .describe('Un des codes de récupération remis à l’activation (xxxx-xxxx-xxxx)');

const champsPreuve = z.strictObject({ code: codeTotp.optional(), code_recuperation: codeRecuperation.optional() });
export type PreuveSecondFacteur = z.infer<typeof champsPreuve>;

const auPlusUnePreuve: [(p: PreuveSecondFacteur) => boolean, { message: string; path: string[] }] = [
  (p) => p.code === undefined || p.code_recuperation === undefined,
  { message: 'saisissez soit le code de votre application, soit un code de récupération, pas les deux', path: ['code_recuperation'] },
];

/** Proof of the account's second factor: the current TOTP code, or one unused recovery code. */
export const preuveSecondFacteur = champsPreuve
  .refine((p) => p.code !== undefined || p.code_recuperation !== undefined, {
    message: 'saisissez le code de votre application d’authentification, ou un code de récupération',
    path: ['code'],
  })
  .refine(...auPlusUnePreuve);

/** Replacing an active factor needs a proof of it; a first enrolment sends `{}`. */
export const initialisationCorps = champsPreuve.refine(...auPlusUnePreuve);

export const activationCorps = z.strictObject({ code: codeTotp });
export type ActivationCorps = z.infer<typeof activationCorps>;

export const validationReponse = z.object({
  etape: z.literal('connecte'),
  codes_recuperation_restants: z.number().int().describe('Codes de récupération encore utilisables'),
});

export const initialisationReponse = z.object({
  secret: z.string().describe('Secret TOTP en base32, à saisir dans l’application si le QR code ne peut pas être lu'),
  uri_otpauth: z.string().describe('URI otpauth://totp/… que lit l’application d’authentification'),
  qr_code: z.string().describe('QR code de l’URI, en data URL (image SVG)'),
});

export const activationReponse = z.object({
  codes_recuperation: z.array(z.string()).describe('Dix codes de récupération à usage unique, montrés cette seule fois'),
});

export const desactivationReponse = z.object({ configure: z.literal(false) });
