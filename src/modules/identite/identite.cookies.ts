import type { ConfigSocle } from '../../shared/config.js';
import type { ReglagesSession } from './identite.session.js';

/** Cookie names: the `__Host-` prefix binds a cookie to this exact origin, over HTTPS only. */
export function nomsCookies(config: ConfigSocle) {
  const prefixe = config.COOKIE_SECURISE ? '__Host-' : '';
  return { session: `${prefixe}trajectoires_session`, csrf: `${prefixe}trajectoires_csrf` };
}

export function optionsCookie(config: ConfigSocle) {
  return { path: '/', httpOnly: true, secure: config.COOKIE_SECURISE, sameSite: 'lax' as const };
}

export const reglagesSession = (config: ConfigSocle): ReglagesSession => ({
  inactiviteMinutes: config.SESSION_INACTIVITE_MINUTES,
  dureeMaxHeures: config.SESSION_DUREE_MAX_HEURES,
});
