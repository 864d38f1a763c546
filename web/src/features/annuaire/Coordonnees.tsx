import { Fragment, type ReactNode } from 'react';

export function lienWeb(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/** Phone, email and website as a description list; nothing when none is known. */
export function Coordonnees({
  telephone,
  courriel,
  siteWeb,
  priseRdv,
  nom,
}: {
  telephone?: string | null;
  courriel?: string | null;
  siteWeb?: string | null;
  priseRdv?: string | null;
  nom: string;
}) {
  const lignes: [string, ReactNode][] = [];
  if (telephone) lignes.push(['Téléphone', <a href={`tel:${telephone.replace(/\s+/g, '')}`}>{telephone}</a>]);
  if (courriel) lignes.push(['Courriel', <a href={`mailto:${courriel}`}>{courriel}</a>]);
  if (siteWeb)
    lignes.push([
      'Site internet',
      <a href={lienWeb(siteWeb)} target="_blank" rel="noopener noreferrer" title={`Site internet de ${nom} – nouvelle fenêtre`}>
        {siteWeb.replace(/^https?:\/\//i, '')}
      </a>,
    ]);
  if (priseRdv)
    lignes.push([
      'Prendre rendez-vous',
      <a href={lienWeb(priseRdv)} target="_blank" rel="noopener noreferrer" title={`Prendre rendez-vous avec ${nom} – nouvelle fenêtre`}>
        Prise de rendez-vous en ligne
      </a>,
    ]);
  if (lignes.length === 0) return null;
  return (
    <dl className="trj-definitions">
      {lignes.map(([terme, valeur]) => (
        <Fragment key={terme}>
          <dt>{terme}</dt>
          <dd>{valeur}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
