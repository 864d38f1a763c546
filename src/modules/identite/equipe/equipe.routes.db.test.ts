import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/client.js';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { ClientHttp } from '../../../../test/harness/client-http.js';
import { creerCompte } from '../../../../test/factories/identite.js';
import { agentConnecte } from '../../../../test/harness/sessions.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../../../../test/harness/smtp.js';
import type { AgentEquipe, EquipeReponse } from './equipe.contract.js';

const URL_PUBLIQUE = 'http://trajectoires.test';
const JOUR = 86_400_000;
const MOT_DE_PASSE_CHOISI = 'lanterne-violoncelle-horizon-97';
const ADRESSE_REFUSEE = /^refuse-/;

let t: AppDeTest;
let smtp: ServeurSmtp;
// The application's clock, moved forward by the expiry test only.
let decalage = 0;

beforeAll(async () => {
  smtp = await demarrerServeurSmtp({ refuserDestinataire: (adresse) => ADRESSE_REFUSEE.test(adresse) });
  t = await creerAppDeTest(
    { SMTP_URL: smtp.url, URL_PUBLIQUE, CONNEXION_LIMITE_PAR_IP_MINUTE: '10000', INVITATION_VALIDITE_JOURS: '7' },
    { now: () => new Date(Date.now() + decalage) },
  );
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A structure of its own for each test: team sizes and managers never leak between tests. */
async function creerStructure(regionCode = '75'): Promise<{ id: string; nom: string }> {
  const nom = `Mission locale d’essai ${randomBytes(3).toString('hex')}`;
  const [ligne] = await rows<{ id: string }>(
    t.database.db,
    sql`INSERT INTO annuaire_structure (source, source_id, nom, region_code, date_donnees)
        VALUES ('essai-equipe', ${randomUUID()}, ${nom}, ${regionCode}, '2026-01-01') RETURNING id`,
  );
  return { id: ligne!.id, nom };
}

const adresse = (prefixe = 'invite') => `${prefixe}-${randomBytes(4).toString('hex')}@exemple.invalid`;
const equipe = (structureId: string) => `/api/v1/structures/${structureId}/equipe`;

async function lireEquipe(client: ClientHttp, structureId: string): Promise<EquipeReponse> {
  const reponse = await client.get(equipe(structureId));
  expect(reponse.statusCode).toBe(200);
  return reponse.json<EquipeReponse>();
}

async function ligneDe(client: ClientHttp, structureId: string, utilisateurId: string): Promise<AgentEquipe> {
  const ligne = (await lireEquipe(client, structureId)).agents.find((a) => a.utilisateur_id === utilisateurId);
  if (!ligne) throw new Error(`L’agent ${utilisateurId} n’est pas dans l’équipe de ${structureId}.`);
  return ligne;
}

const courrielsA = (email: string) => smtp.courriels.filter((c) => c.a.includes(email));

/** The link's token in the next e-mail to this address, once the SMTP server has received it. */
async function jetonDuCourriel(email: string, dejaRecus: number): Promise<string> {
  await smtp.attendreCourriel(() => courrielsA(email).length > dejaRecus);
  const courriel = courrielsA(email).at(-1)!;
  const lien = new RegExp(`${URL_PUBLIQUE}/invitation/([A-Za-z0-9_-]+)`).exec(courriel.texte);
  if (!lien) throw new Error(`Pas de lien d’invitation dans : ${courriel.texte}`);
  return lien[1]!;
}

/** Invites through the API and returns the token read from the e-mail the SMTP server received. */
async function inviter(client: ClientHttp, structureId: string, email: string, role = 'advisor'): Promise<string> {
  const dejaRecus = courrielsA(email).length;
  const reponse = await client.post(`${equipe(structureId)}/invitations`, { email, role });
  expect(reponse.statusCode).toBe(201);
  return jetonDuCourriel(email, dejaRecus);
}

function accepter(
  jeton: string,
  corps: Record<string, string> = { prenom: 'Nadia', nom: 'Berthelot', mot_de_passe: MOT_DE_PASSE_CHOISI },
  client = new ClientHttp(t.app),
) {
  return client.post(`/api/v1/invitations/${jeton}/acceptation`, corps);
}

async function evenements(action: string, structureId: string) {
  return rows<{
    resultat: string;
    acteur_utilisateur_id: string | null;
    acteur_role: string | null;
    cible_type: string;
    cible_id: string;
    raison: string | null;
    details: Record<string, unknown>;
  }>(
    t.database.db,
    sql`SELECT resultat, acteur_utilisateur_id, acteur_role, cible_type, cible_id, raison, details
        FROM audit_evenement WHERE action = ${action} AND cible_structure_id = ${structureId} ORDER BY id`,
  );
}

describe('invitation par courriel', () => {
  it('envoie un vrai courriel avec le lien ; l’acceptation crée le compte, qui peut ensuite se connecter', async () => {
    const structure = await creerStructure();
    const { compte: responsable, client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }], {
      prenom: 'Solène',
      nom: 'Martin',
    });
    const email = adresse();

    const envoi = await client.post(`${equipe(structure.id)}/invitations`, { email: email.toUpperCase(), role: 'advisor' });

    expect(envoi.statusCode).toBe(201);
    const { invitation, renouvelee } = envoi.json();
    expect(renouvelee).toBe(false);
    expect(invitation).toMatchObject({ email, role: 'advisor', libelle_role: 'Conseiller', expiree: false });
    expect(Date.parse(invitation.expire_le) - Date.parse(invitation.envoyee_le)).toBe(7 * JOUR);

    const jeton = await jetonDuCourriel(email, 0);
    const [courriel] = courrielsA(email);
    expect(courriel!.sujet).toBe(`Invitation à rejoindre l’équipe de « ${structure.nom} » sur Trajectoires`);
    expect(courriel!.texte).toContain('Solène Martin vous invite à rejoindre l’équipe');
    expect(jeton).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(courriel!.html).toContain(`href="${URL_PUBLIQUE}/invitation/${jeton}"`);

    // Only the token's digest is stored: the table cannot be turned into working links.
    const [stockee] = await rows<{ empreinte_jeton: string; invite_par: string }>(
      t.database.db,
      sql`SELECT empreinte_jeton, invite_par FROM identite_invitation WHERE id = ${invitation.id}`,
    );
    expect(stockee).toEqual({ empreinte_jeton: createHash('sha256').update(jeton).digest('hex'), invite_par: responsable.id });

    const invite = new ClientHttp(t.app);
    const apercu = await invite.get(`/api/v1/invitations/${jeton}`);
    expect(apercu.statusCode).toBe(200);
    expect(apercu.headers['cache-control']).toBe('no-store');
    expect(apercu.json()).toEqual({ structure: { nom: structure.nom }, role: 'advisor', libelle_role: 'Conseiller', email });

    const acceptation = await accepter(jeton, { prenom: 'Nadia', nom: 'Berthelot', mot_de_passe: MOT_DE_PASSE_CHOISI }, invite);
    expect(acceptation.statusCode).toBe(201);
    expect(acceptation.json()).toEqual({ compte: 'cree', email });

    const connexion = await new ClientHttp(t.app).connecter(email, MOT_DE_PASSE_CHOISI);
    expect(connexion.statusCode).toBe(200);
    // An advisor's role gives access to personal data: the second factor is set up first.
    expect(connexion.json()).toEqual({ etape: 'enrolement_second_facteur' });

    const vue = await lireEquipe(client, structure.id);
    expect(vue.invitations).toEqual([]);
    expect(vue.agents.find((a) => a.email === email)).toMatchObject({ prenom: 'Nadia', nom: 'Berthelot', role: 'advisor', statut: 'active' });
    expect(await evenements('identite.invitation.envoyer', structure.id)).toEqual([
      expect.objectContaining({
        resultat: 'succes',
        acteur_utilisateur_id: responsable.id,
        acteur_role: 'structure_manager',
        cible_type: 'invitation',
        cible_id: invitation.id,
      }),
    ]);
    expect(await evenements('identite.invitation.accepter', structure.id)).toEqual([
      expect.objectContaining({ resultat: 'succes', cible_type: 'adhesion', details: expect.objectContaining({ compte: 'cree', role: 'advisor' }) }),
    ]);
  });

  it('refuse un mot de passe faible avec les problèmes en français, sans consommer l’invitation', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const jeton = await inviter(client, structure.id, adresse());

    const faible = await accepter(jeton, { prenom: 'Nadia', nom: 'Berthelot', mot_de_passe: 'motdepasse' });
    expect(faible.statusCode).toBe(400);
    const { erreur } = faible.json();
    expect(erreur.code).toBe('identite.mot_de_passe_refuse');
    expect(erreur.champs.length).toBeGreaterThan(0);
    for (const champ of erreur.champs) {
      expect(champ.chemin).toBe('mot_de_passe');
      expect(champ.message).toMatch(/mot de passe/i);
    }

    const incomplet = await accepter(jeton, { mot_de_passe: MOT_DE_PASSE_CHOISI });
    expect(incomplet.statusCode).toBe(400);
    expect(incomplet.json().erreur.champs.map((c: { chemin: string }) => c.chemin)).toEqual(['prenom', 'nom']);

    expect((await new ClientHttp(t.app).get(`/api/v1/invitations/${jeton}`)).statusCode).toBe(200);
    expect((await accepter(jeton)).statusCode).toBe(201);
  });

  it('répond 404 à un lien expiré, valable jusque-là', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const jeton = await inviter(client, structure.id, adresse());
    const inconnu = await new ClientHttp(t.app).get(`/api/v1/invitations/${randomBytes(32).toString('base64url')}`);
    expect(inconnu.statusCode).toBe(404);

    try {
      decalage = 7 * JOUR - 60_000;
      expect((await new ClientHttp(t.app).get(`/api/v1/invitations/${jeton}`)).statusCode).toBe(200);
      decalage = 7 * JOUR + 1_000;
      const expiree = await new ClientHttp(t.app).get(`/api/v1/invitations/${jeton}`);
      expect(expiree.statusCode).toBe(404);
      expect(expiree.json()).toEqual(inconnu.json());
      const acceptation = await accepter(jeton);
      expect(acceptation.statusCode).toBe(404);
      expect(acceptation.json()).toEqual(inconnu.json());
    } finally {
      decalage = 0;
    }
  });

  it('ne sert qu’une fois : un lien déjà utilisé répond 404', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const jeton = await inviter(client, structure.id, adresse());
    expect((await accepter(jeton)).statusCode).toBe(201);

    const seconde = await accepter(jeton, { prenom: 'Autre', nom: 'Personne', mot_de_passe: MOT_DE_PASSE_CHOISI });
    expect(seconde.statusCode).toBe(404);
    expect(seconde.json().erreur.code).toBe('identite.invitation_introuvable');
    expect((await new ClientHttp(t.app).get(`/api/v1/invitations/${jeton}`)).statusCode).toBe(404);
  });

  it('de deux acceptations simultanées, une seule réussit', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const email = adresse();
    const jeton = await inviter(client, structure.id, email);

    const reponses = await Promise.all([accepter(jeton), accepter(jeton)]);

    expect(reponses.map((r) => r.statusCode).toSorted()).toEqual([201, 404]);
    const [compte] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM identite_utilisateur WHERE email = ${email}`);
    expect(compte!.n).toBe(1);
    // One membership given; the other acceptance is a refusal of a link used up, recorded as such.
    expect((await evenements('identite.invitation.accepter', structure.id)).map((e) => [e.resultat, e.raison])).toEqual([
      ['succes', null],
      ['refus', 'deja_acceptee'],
    ]);
  });

  it('journalise le refus d’un lien déjà utilisé ou expiré, qui répond toujours 404 comme un lien inconnu', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const [utilisee, expiree] = [adresse(), adresse()];
    const jetonUtilise = await inviter(client, structure.id, utilisee);
    const jetonExpire = await inviter(client, structure.id, expiree);
    const idDe = new Map((await lireEquipe(client, structure.id)).invitations.map((i) => [i.email, i.id]));
    const inconnu = await accepter(randomBytes(32).toString('base64url'));
    expect(inconnu.statusCode).toBe(404);
    expect((await accepter(jetonUtilise)).statusCode).toBe(201);

    const encore = await accepter(jetonUtilise, { prenom: 'Autre', nom: 'Personne', mot_de_passe: MOT_DE_PASSE_CHOISI });
    let tropTard;
    try {
      decalage = 7 * JOUR + 1_000;
      tropTard = await accepter(jetonExpire);
    } finally {
      decalage = 0;
    }

    for (const reponse of [encore, tropTard]) {
      expect(reponse.statusCode).toBe(404);
      expect(reponse.json()).toEqual(inconnu.json());
    }
    const refus = (await evenements('identite.invitation.accepter', structure.id)).filter((e) => e.resultat === 'refus');
    expect(refus).toEqual([
      expect.objectContaining({ acteur_utilisateur_id: null, cible_type: 'invitation', cible_id: idDe.get(utilisee), raison: 'deja_acceptee' }),
      expect.objectContaining({ acteur_utilisateur_id: null, cible_type: 'invitation', cible_id: idDe.get(expiree), raison: 'expiree' }),
    ]);
  });

  it('réinviter une adresse en attente renouvelle l’invitation : seul le nouveau lien fonctionne', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const email = adresse();
    const premier = await inviter(client, structure.id, email, 'advisor');

    const renvoi = await client.post(`${equipe(structure.id)}/invitations`, { email, role: 'structure_manager' });
    expect(renvoi.statusCode).toBe(201);
    expect(renvoi.json()).toMatchObject({ renouvelee: true, invitation: { role: 'structure_manager' } });
    const second = await jetonDuCourriel(email, 1);

    expect(second).not.toBe(premier);
    expect((await new ClientHttp(t.app).get(`/api/v1/invitations/${premier}`)).statusCode).toBe(404);
    expect((await new ClientHttp(t.app).get(`/api/v1/invitations/${second}`)).json()).toMatchObject({ role: 'structure_manager' });
    expect((await lireEquipe(client, structure.id)).invitations).toEqual([expect.objectContaining({ email, role: 'structure_manager' })]);
  });

  it('annuler une invitation rend son lien inutilisable, et se journalise', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const jeton = await inviter(client, structure.id, adresse());
    const [invitation] = (await lireEquipe(client, structure.id)).invitations;

    const annulation = await client.requete({ method: 'DELETE', url: `${equipe(structure.id)}/invitations/${invitation!.id}` });
    expect(annulation.statusCode).toBe(204);

    expect((await new ClientHttp(t.app).get(`/api/v1/invitations/${jeton}`)).statusCode).toBe(404);
    const encore = await client.requete({ method: 'DELETE', url: `${equipe(structure.id)}/invitations/${invitation!.id}` });
    expect(encore.statusCode).toBe(404);
    expect(encore.json().erreur.code).toBe('identite.equipe.invitation_introuvable');
    expect(await evenements('identite.invitation.annuler', structure.id)).toEqual([expect.objectContaining({ resultat: 'succes', cible_id: invitation!.id })]);
  });

  it('ajoute le rôle à un compte existant, à condition d’être connecté avec ce compte', async () => {
    const structure = await creerStructure();
    const ailleurs = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: agent, client: clientAgent } = await agentConnecte(t, [{ role: 'advisor', structureId: ailleurs.id }]);
    const jeton = await inviter(client, structure.id, agent.email);

    const anonyme = await accepter(jeton);
    expect(anonyme.statusCode).toBe(409);
    expect(anonyme.json().erreur.code).toBe('identite.invitation.connexion_requise');

    const connecte = await accepter(jeton, {}, clientAgent);
    expect(connecte.statusCode).toBe(201);
    expect(connecte.json()).toEqual({ compte: 'existant', email: agent.email });
    expect((await ligneDe(client, structure.id, agent.id)).role).toBe('advisor');
    expect((await lireEquipe(clientAgent, structure.id)).structure.id).toBe(structure.id);
  });

  it('répond de même, et envoie le même courriel, qu’un compte ait l’adresse invitée ou non', async () => {
    const structure = await creerStructure();
    const ailleurs = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: agentAilleurs } = await agentConnecte(t, [{ role: 'advisor', structureId: ailleurs.id }]);
    const personne = await creerCompte(t.database.db, { type: 'personne' });

    const vus = [];
    for (const email of [agentAilleurs.email, personne.email, adresse()]) {
      const dejaRecus = courrielsA(email).length;
      const reponse = await client.post(`${equipe(structure.id)}/invitations`, { email, role: 'advisor' });
      await jetonDuCourriel(email, dejaRecus);
      const courriel = courrielsA(email).at(-1)!;
      const { invitation, ...reste } = reponse.json();
      // What differs by construction: the invitation's id, address and instants, the link's token.
      const { id, email: invitee, envoyee_le, expire_le, ...propositions } = invitation;
      expect([typeof id, invitee, typeof envoyee_le, typeof expire_le]).toEqual(['string', email, 'string', 'string']);
      vus.push({
        statut: reponse.statusCode,
        corps: { ...reste, invitation: propositions },
        sujet: courriel.sujet,
        texte: courriel.texte.replace(/\/invitation\/[A-Za-z0-9_-]+/, '/invitation/…').replace(/avant le .+ \(heure de Paris\)/, 'avant le …'),
      });
    }

    expect(vus[0]).toMatchObject({ statut: 201, corps: { renouvelee: false, invitation: { role: 'advisor' } } });
    expect(vus[1]).toEqual(vus[0]);
    expect(vus[2]).toEqual(vus[0]);
  });

  it('refuse d’inviter un agent qui fait déjà partie de l’équipe', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: membre } = await agentConnecte(t, [{ role: 'advisor', structureId: structure.id }]);

    const reponse = await client.post(`${equipe(structure.id)}/invitations`, { email: membre.email, role: 'structure_manager' });

    expect(reponse.statusCode).toBe(409);
    expect(reponse.json().erreur).toMatchObject({ code: 'identite.equipe.deja_membre', champs: [{ chemin: 'email' }] });
  });

  it('n’enregistre rien quand le serveur de courriel refuse l’adresse, et le dit en 503', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);

    const refusee = adresse('refuse');
    const reponse = await client.post(`${equipe(structure.id)}/invitations`, { email: refusee, role: 'advisor' });

    expect(reponse.statusCode).toBe(503);
    expect(reponse.json().erreur.code).toBe('identite.equipe.envoi_impossible');
    expect((await lireEquipe(client, structure.id)).invitations).toEqual([]);
    const [echec] = await evenements('identite.invitation.envoyer', structure.id);
    expect(echec).toMatchObject({ resultat: 'echec', raison: 'envoi_impossible', details: { role: 'advisor', erreur: expect.any(String) } });
    // The mail server's answer quotes the address it refused: the trail keeps only the kind of failure.
    expect(JSON.stringify(echec)).not.toContain(refusee.split('@')[0]);
  });
});

describe('lecture de l’équipe (elle nomme les agents et leurs adresses)', () => {
  it('chaque lecture écrit un événement avec le lecteur et son fondement ; hors de son périmètre, un 404 comme une structure inexistante, le refus journalisé', async () => {
    const structure = await creerStructure();
    const { compte: conseiller, client } = await agentConnecte(t, [{ role: 'advisor', structureId: structure.id }]);
    const { client: etranger, compte: autre } = await agentConnecte(t, [{ role: 'advisor', structureId: (await creerStructure()).id }]);

    expect((await client.get(equipe(structure.id))).statusCode).toBe(200);
    const refus = await etranger.get(equipe(structure.id));
    expect(refus.statusCode).toBe(404);
    expect(refus.json()).toEqual((await etranger.get(equipe(randomUUID()))).json());

    expect(await evenements('identite.equipe.lire', structure.id)).toEqual([
      {
        resultat: 'succes',
        acteur_utilisateur_id: conseiller.id,
        acteur_role: 'advisor',
        cible_type: 'structure',
        cible_id: structure.id,
        raison: 'lecture',
        details: {},
      },
      {
        resultat: 'refus',
        acteur_utilisateur_id: autre.id,
        acteur_role: null,
        cible_type: 'structure',
        cible_id: structure.id,
        raison: 'hors_perimetre',
        details: {},
      },
    ]);
  });
});

describe('qui voit et qui gère l’équipe', () => {
  it('refuse l’invitation à un conseiller de la structure (403), qui voit pourtant l’équipe', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'advisor', structureId: structure.id }]);

    const reponse = await client.post(`${equipe(structure.id)}/invitations`, { email: adresse(), role: 'advisor' });

    expect(reponse.statusCode).toBe(403);
    expect(reponse.json().erreur.code).toBe('identite.acces_refuse');
    const vue = await lireEquipe(client, structure.id);
    expect(vue.gerer).toBe(false);
    expect(vue.agents.every((a) => !a.actions.changer_role && !a.actions.suspendre && !a.actions.reactiver)).toBe(true);
  });

  it('répond 404 au responsable d’une autre structure, exactement comme pour une structure inexistante', async () => {
    const structure = await creerStructure();
    const autre = await creerStructure();
    await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { client: etranger } = await agentConnecte(t, [{ role: 'structure_manager', structureId: autre.id }]);

    const lecture = await etranger.get(equipe(structure.id));
    const inexistante = await etranger.get(equipe(randomUUID()));
    const invitation = await etranger.post(`${equipe(structure.id)}/invitations`, { email: adresse(), role: 'advisor' });

    expect(lecture.statusCode).toBe(404);
    expect(lecture.json()).toEqual(inexistante.json());
    expect(lecture.json().erreur.code).toBe('identite.equipe.structure_introuvable');
    expect(invitation.statusCode).toBe(404);
    expect(invitation.json()).toEqual(inexistante.json());
    expect(smtp.courriels.some((c) => c.sujet.includes(structure.nom))).toBe(false);
    // The twin: the same agent reads the team of their own structure.
    expect((await lireEquipe(etranger, autre.id)).gerer).toBe(true);
  });

  it('laisse le coordinateur de la région lire l’équipe sans la gérer ; celui d’une autre région reçoit 404', async () => {
    const structure = await creerStructure('75');
    const { compte: membre } = await agentConnecte(t, [{ role: 'advisor', structureId: structure.id }]);
    // A coordinator's role needs no second factor: the password is enough.
    const c75 = await creerCompte(t.database.db, { adhesions: [{ role: 'coordinator', territoireCode: '75' }] });
    const c11 = await creerCompte(t.database.db, { adhesions: [{ role: 'coordinator', territoireCode: '11' }] });
    const coordinateur = new ClientHttp(t.app);
    const autreRegion = new ClientHttp(t.app);
    expect((await coordinateur.connecter(c75.email, c75.motDePasse)).json()).toEqual({ etape: 'connecte' });
    expect((await autreRegion.connecter(c11.email, c11.motDePasse)).json()).toEqual({ etape: 'connecte' });

    const vue = await lireEquipe(coordinateur, structure.id);
    expect(vue.gerer).toBe(false);
    expect(vue.agents.map((a) => a.utilisateur_id)).toEqual([membre.id]);
    expect((await coordinateur.post(`${equipe(structure.id)}/invitations`, { email: adresse(), role: 'advisor' })).statusCode).toBe(403);
    expect((await autreRegion.get(equipe(structure.id))).statusCode).toBe(404);
  });
});

describe('rôles et suspensions', () => {
  const adhesion = (structureId: string, ligne: AgentEquipe) => `${equipe(structureId)}/adhesions/${ligne.adhesion_id}`;

  it('change le rôle d’un agent et journalise l’ancien et le nouveau', async () => {
    const structure = await creerStructure();
    const { compte: responsable, client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: agent } = await agentConnecte(t, [{ role: 'advisor', structureId: structure.id }]);
    const ligne = await ligneDe(client, structure.id, agent.id);

    const reponse = await client.requete({ method: 'PATCH', url: adhesion(structure.id, ligne), payload: { role: 'structure_manager' } });

    expect(reponse.statusCode).toBe(200);
    expect(reponse.json<EquipeReponse>().agents.find((a) => a.utilisateur_id === agent.id)).toMatchObject({
      role: 'structure_manager',
      libelle_role: 'Responsable de structure',
    });
    // Unchanged role: nothing to record.
    await client.requete({ method: 'PATCH', url: adhesion(structure.id, ligne), payload: { role: 'structure_manager' } });
    expect(await evenements('identite.adhesion.role.modifier', structure.id)).toEqual([
      {
        resultat: 'succes',
        acteur_utilisateur_id: responsable.id,
        acteur_role: 'structure_manager',
        cible_type: 'adhesion',
        cible_id: ligne.adhesion_id,
        raison: null,
        details: { ancien_role: 'advisor', nouveau_role: 'structure_manager' },
      },
    ]);
  });

  it('suspendre le dernier accès d’un agent suspend son compte : son cookie est refusé dès la requête suivante', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: agent, client: clientAgent } = await agentConnecte(t, [{ role: 'advisor', structureId: structure.id }]);
    expect((await clientAgent.get(equipe(structure.id))).statusCode).toBe(200);
    const cookie = clientAgent.cookies.get('trajectoires_session')!;
    const ligne = await ligneDe(client, structure.id, agent.id);

    const reponse = await client.post(`${adhesion(structure.id, ligne)}/suspendre`);

    expect(reponse.statusCode).toBe(200);
    expect(reponse.json<EquipeReponse>().agents.find((a) => a.utilisateur_id === agent.id)).toMatchObject({
      statut: 'suspendue',
      compte_suspendu: true,
      actions: { suspendre: false, reactiver: true },
    });
    const rejoue = new ClientHttp(t.app);
    rejoue.cookies.set('trajectoires_session', cookie);
    const refus = await rejoue.get(equipe(structure.id));
    expect(refus.statusCode).toBe(401);
    expect(refus.json().erreur.code).toBe('identite.non_connecte');
    const [sessions] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM identite_session WHERE utilisateur_id = ${agent.id}`);
    expect(sessions!.n).toBe(0);
    const connexion = await new ClientHttp(t.app).connecter(agent.email, agent.motDePasse);
    expect(connexion.statusCode).toBe(403);
    expect(connexion.json().erreur.code).toBe('identite.compte_suspendu');

    expect(await evenements('identite.adhesion.suspendre', structure.id)).toEqual([
      expect.objectContaining({ resultat: 'succes', cible_id: ligne.adhesion_id, details: { role: 'advisor', compte_suspendu: true, sessions_fermees: 1 } }),
    ]);
    const [compteSuspendu] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_evenement WHERE action = 'identite.compte.suspendre' AND cible_id = ${agent.id}`,
    );
    expect(compteSuspendu!.n).toBe(1);
  });

  it('réactive l’accès suspendu et le compte avec lui, et le journalise', async () => {
    const structure = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: agent } = await agentConnecte(t, [{ role: 'advisor', structureId: structure.id }]);
    const ligne = await ligneDe(client, structure.id, agent.id);
    await client.post(`${adhesion(structure.id, ligne)}/suspendre`);

    const reponse = await client.post(`${adhesion(structure.id, ligne)}/reactiver`);

    expect(reponse.statusCode).toBe(200);
    expect(reponse.json<EquipeReponse>().agents.find((a) => a.utilisateur_id === agent.id)).toMatchObject({ statut: 'active', compte_suspendu: false });
    expect((await new ClientHttp(t.app).connecter(agent.email, agent.motDePasse)).json()).toEqual({ etape: 'second_facteur' });
    expect(await evenements('identite.adhesion.reactiver', structure.id)).toEqual([
      expect.objectContaining({ resultat: 'succes', details: { role: 'advisor', compte_reactive: true } }),
    ]);
  });

  it('suspendre un accès qui n’est pas le dernier laisse le compte et ses autres accès', async () => {
    const structure = await creerStructure();
    const ailleurs = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: agent, client: clientAgent } = await agentConnecte(t, [
      { role: 'advisor', structureId: structure.id },
      { role: 'advisor', structureId: ailleurs.id },
    ]);
    const ligne = await ligneDe(client, structure.id, agent.id);

    const reponse = await client.post(`${adhesion(structure.id, ligne)}/suspendre`);

    expect(reponse.json<EquipeReponse>().agents.find((a) => a.utilisateur_id === agent.id)).toMatchObject({ statut: 'suspendue', compte_suspendu: false });
    // The same session: this structure's team is gone from its reach at once, the other one stays.
    expect((await clientAgent.get(equipe(structure.id))).statusCode).toBe(404);
    expect((await clientAgent.get(equipe(ailleurs.id))).statusCode).toBe(200);
  });

  it('refuse qu’un responsable se suspende lui-même, et le journalise ; un autre responsable le peut', async () => {
    const structure = await creerStructure();
    const { compte: responsable, client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { client: collegue } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const ligne = await ligneDe(client, structure.id, responsable.id);
    expect(ligne).toMatchObject({ moi: true, actions: { suspendre: false } });

    const refus = await client.post(`${adhesion(structure.id, ligne)}/suspendre`);

    expect(refus.statusCode).toBe(403);
    expect(refus.json().erreur.code).toBe('identite.equipe.suspension_de_soi');
    expect(await evenements('identite.adhesion.suspendre', structure.id)).toEqual([
      expect.objectContaining({ resultat: 'refus', raison: 'suspension_de_soi', acteur_utilisateur_id: responsable.id }),
    ]);
    expect((await collegue.post(`${adhesion(structure.id, ligne)}/suspendre`)).statusCode).toBe(200);
  });

  it('garde le dernier responsable actif : ni rétrogradé ni suspendu, même par un administrateur', async () => {
    const structure = await creerStructure();
    const { compte: responsable } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { client: admin } = await agentConnecte(t, [{ role: 'admin' }]);
    const ligne = await ligneDe(admin, structure.id, responsable.id);
    expect(ligne.actions).toEqual({ changer_role: false, suspendre: false, reactiver: false });

    const retrogradation = await admin.requete({ method: 'PATCH', url: adhesion(structure.id, ligne), payload: { role: 'advisor' } });
    const suspension = await admin.post(`${adhesion(structure.id, ligne)}/suspendre`);

    for (const reponse of [retrogradation, suspension]) {
      expect(reponse.statusCode).toBe(409);
      expect(reponse.json().erreur.code).toBe('identite.equipe.dernier_responsable');
    }
    expect((await ligneDe(admin, structure.id, responsable.id)).role).toBe('structure_manager');
  });

  it('répond 404 pour un agent d’une autre structure désigné par l’adresse de celle-ci', async () => {
    const structure = await creerStructure();
    const ailleurs = await creerStructure();
    const { client } = await agentConnecte(t, [{ role: 'structure_manager', structureId: structure.id }]);
    const { compte: etranger, client: clientEtranger } = await agentConnecte(t, [{ role: 'structure_manager', structureId: ailleurs.id }]);
    const ligneEtrangere = await ligneDe(clientEtranger, ailleurs.id, etranger.id);

    const reponse = await client.post(`${equipe(structure.id)}/adhesions/${ligneEtrangere.adhesion_id}/suspendre`);

    expect(reponse.statusCode).toBe(404);
    expect(reponse.json().erreur.code).toBe('identite.equipe.adhesion_introuvable');
  });
});
