import type { Courriel } from '../../../shared/messagerie.js';

export interface FaitsInvitation {
  email: string;
  structureNom: string;
  libelleRole: string;
  /** Who invites, as shown to the invitee; null when the name is unknown. */
  invitant: string | null;
  lien: string;
  expireLe: Date;
  service: string;
}

const dateEtHeure = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });

function echapper(texte: string): string {
  return texte.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The invitation to join a structure's team: the link is the invitation itself, valid once. */
export function courrielInvitation(faits: FaitsInvitation): Courriel {
  const qui = faits.invitant ?? 'Un responsable';
  const echeance = dateEtHeure.format(faits.expireLe);
  const paragraphes = {
    invitation: `${qui} vous invite à rejoindre l’équipe de « ${faits.structureNom} » sur ${faits.service}, en tant que ${faits.libelleRole.toLowerCase()}.`,
    action: `Pour accepter, ouvrez ce lien avant le ${echeance} (heure de Paris) :`,
    suite:
      'Vous choisirez alors votre mot de passe, puis vous vous connecterez ; un second facteur (application d’authentification sur votre téléphone) vous sera demandé à la première connexion.',
    prudence:
      'Ce lien est personnel et ne sert qu’une fois : ne le transférez pas. Si vous n’attendiez pas cette invitation, ignorez ce message ; sans réponse, elle expirera d’elle-même.',
  };
  return {
    a: faits.email,
    sujet: `Invitation à rejoindre l’équipe de « ${faits.structureNom} » sur ${faits.service}`,
    texte: ['Bonjour,', paragraphes.invitation, `${paragraphes.action}\n${faits.lien}`, paragraphes.suite, paragraphes.prudence].join('\n\n'),
    html: [
      '<!doctype html><html lang="fr"><body style="font-family:Marianne,Arial,sans-serif;line-height:1.5">',
      '<p>Bonjour,</p>',
      `<p>${echapper(paragraphes.invitation)}</p>`,
      `<p>${echapper(paragraphes.action)}</p>`,
      `<p><a href="${echapper(faits.lien)}">Accepter l’invitation</a></p>`,
      `<p>Si le lien ne s’ouvre pas, copiez cette adresse dans votre navigateur :<br>${echapper(faits.lien)}</p>`,
      `<p>${echapper(paragraphes.suite)}</p>`,
      `<p>${echapper(paragraphes.prudence)}</p>`,
      '</body></html>',
    ].join('\n'),
  };
}
