import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { VersionRegles } from './api.js';

/** In force, published (not or no longer in force), or draft. */
export function StatutVersion({ version }: { version: Pick<VersionRegles, 'statut' | 'en_vigueur'> }) {
  if (version.en_vigueur)
    return (
      <Badge severity="success" small as="span">
        En vigueur
      </Badge>
    );
  if (version.statut === 'publie')
    return (
      <Badge severity="info" noIcon small as="span">
        Publiée
      </Badge>
    );
  return (
    <Badge small as="span">
      Brouillon
    </Badge>
  );
}

export const perimetre = (v: Pick<VersionRegles, 'region_code'>) => (v.region_code ? `Région ${v.region_code}` : 'Nationale');
