import { z } from 'zod';

// French messages for every schema of the project: imported once, before any schema is used.
z.config(z.locales.fr());

export { z };
