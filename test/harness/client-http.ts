import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { parse as parseSetCookie } from 'set-cookie-parser';

/**
 * A browser-like HTTP client over `app.inject`: keeps the cookies it receives, sends the CSRF
 * token on state-changing requests, and can sign in.
 */
export class ClientHttp {
  readonly cookies = new Map<string, string>();
  jetonCsrf: string | undefined;

  constructor(
    private readonly app: { inject(options: InjectOptions): Promise<LightMyRequestResponse> },
    private readonly ip = '127.0.0.1',
  ) {}

  private garderCookies(reponse: LightMyRequestResponse): void {
    const entetes = reponse.headers['set-cookie'];
    if (!entetes) return;
    for (const c of parseSetCookie(Array.isArray(entetes) ? entetes : [entetes])) {
      if (c.value === '' || (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  private get enteteCookie(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }

  async requete(options: InjectOptions & { sansCsrf?: boolean }): Promise<LightMyRequestResponse> {
    const methode = (options.method ?? 'GET').toUpperCase();
    if (methode !== 'GET' && !options.sansCsrf && !this.jetonCsrf) await this.rafraichirCsrf();
    const { sansCsrf, ...reste } = options;
    const reponse = await this.app.inject({
      ...reste,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size ? { cookie: this.enteteCookie } : {}),
        ...(methode !== 'GET' && !sansCsrf && this.jetonCsrf ? { 'x-csrf-token': this.jetonCsrf } : {}),
        ...(reste.headers ?? {}),
      },
    });
    this.garderCookies(reponse);
    return reponse;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.requete({ method: 'GET', url });
  }

  post(url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    return this.requete({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  }

  async rafraichirCsrf(): Promise<string> {
    const reponse = await this.requete({ method: 'GET', url: '/api/v1/session' });
    this.jetonCsrf = reponse.json<{ jeton_csrf: string }>().jeton_csrf;
    return this.jetonCsrf;
  }

  /** Signs in with a password; returns the step the API asked for next. */
  async connecter(email: string, motDePasse: string): Promise<LightMyRequestResponse> {
    await this.rafraichirCsrf();
    return this.post('/api/v1/connexion', { email, mot_de_passe: motDePasse });
  }
}
