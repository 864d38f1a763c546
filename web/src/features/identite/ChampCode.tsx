import { Input } from '@codegouvfr/react-dsfr/Input';

/** The 6-digit code of an authenticator app: numeric keypad on phones, offered by the system's one-time-code autofill. */
export function ChampCode({
  valeur,
  onChange,
  erreur,
  label = 'Code de vérification',
}: {
  valeur: string;
  onChange: (valeur: string) => void;
  erreur?: string;
  label?: string;
}) {
  return (
    <Input
      label={label}
      hintText="Les 6 chiffres affichés par votre application d’authentification, par exemple 123456"
      state={erreur ? 'error' : 'default'}
      stateRelatedMessage={erreur}
      nativeInputProps={{
        name: 'code',
        value: valeur,
        onChange: (e) => onChange(e.target.value),
        inputMode: 'numeric',
        autoComplete: 'one-time-code',
        maxLength: 7,
        required: true,
      }}
    />
  );
}
