import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../../shared/config.js';
import { erreurSchema, reponsesErreurAvec404 } from '../../../shared/reponses.js';
import { type ConfigVigilance, reglagesVigilance } from '../../vigilance/index.js';
import {
  contactCreation,
  contactModification,
  historiqueQuery,
  historiqueReponse,
  listeStructuresQuery,
  objetParams,
  serviceCreation,
  serviceModification,
  siteCreation,
  siteModification,
  structureGeree,
  structureModification,
  structureParams,
  structuresGereesReponse,
  suppressionQuery,
} from './gestion.contract.js';
import * as service from './gestion.service.js';

const modifier = { permission: 'annuaire.structure.modifier' } as const;
const erreurs = { ...reponsesErreurAvec404, 401: erreurSchema, 403: erreurSchema };
const erreursEcriture = { ...erreurs, 409: erreurSchema, 412: erreurSchema };
const tags = ['Gestion de l’annuaire'];

// Places, services and contacts share one route shape; each has its own schemas and use cases.
const ENFANTS = [
  {
    chemin: 'sites',
    nom: 'un lieu (adresse, horaires d’ouverture, canaux)',
    creation: siteCreation,
    modification: siteModification,
    creer: service.creerSite,
    modifierUn: service.modifierSite,
    supprimer: service.supprimerSite,
  },
  {
    chemin: 'services',
    nom: 'un service (thématiques et publics des vocabulaires data·inclusion)',
    creation: serviceCreation,
    modification: serviceModification,
    creer: service.creerService,
    modifierUn: service.modifierService,
    supprimer: service.supprimerService,
  },
  {
    chemin: 'contacts',
    nom: 'un contact',
    creation: contactCreation,
    modification: contactModification,
    creer: service.creerContact,
    modifierUn: service.modifierContact,
    supprimer: service.supprimerContact,
  },
] as const;

export const gestionRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle & ConfigVigilance }> = async (app, { config }) => {
  const reglages = reglagesVigilance(config);

  app.get(
    '/api/v1/gestion/structures',
    {
      config: { access: modifier },
      schema: {
        tags,
        summary: 'Structures que l’agent peut modifier (les siennes, celles de son territoire)',
        querystring: listeStructuresQuery,
        response: { 200: structuresGereesReponse, ...erreurs },
      },
    },
    async (req) => service.listerStructuresGerees(req.ctx, req.query),
  );

  app.get(
    '/api/v1/gestion/structures/:id',
    {
      config: { access: modifier },
      schema: {
        tags,
        summary: 'Fiche modifiable d’une structure : lieux, horaires, services, contacts, avec leur version',
        params: structureParams,
        response: { 200: structureGeree, ...erreurs },
      },
    },
    async (req) => service.lireStructureGeree(req.ctx, req.params.id, reglages),
  );

  app.patch(
    '/api/v1/gestion/structures/:id',
    {
      config: { access: modifier },
      schema: {
        tags,
        summary: 'Modifier la structure (nom, présentation, coordonnées)',
        description: 'La version envoyée doit être celle de la fiche lue : sinon 412, rechargez la fiche.',
        params: structureParams,
        body: structureModification,
        response: { 200: structureGeree, ...erreursEcriture },
      },
    },
    async (req) => service.modifierStructure(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/v1/gestion/structures/:id/confirmation',
    {
      config: { access: modifier },
      schema: {
        tags,
        summary: 'Confirmer que la fiche de la structure est à jour',
        params: structureParams,
        response: { 200: structureGeree, ...erreurs },
      },
    },
    async (req) => service.confirmerStructure(req.ctx, req.params.id),
  );

  app.get(
    '/api/v1/gestion/structures/:id/historique',
    {
      config: { access: modifier },
      schema: {
        tags,
        summary: 'Qui a modifié quoi et quand dans la fiche de la structure',
        params: structureParams,
        querystring: historiqueQuery,
        response: { 200: historiqueReponse, ...erreurs },
      },
    },
    async (req) => service.lireHistorique(req.ctx, req.params.id, req.query, reglages),
  );

  for (const enfant of ENFANTS) {
    app.post(
      `/api/v1/gestion/structures/:id/${enfant.chemin}`,
      {
        config: { access: modifier },
        schema: {
          tags,
          summary: `Ajouter ${enfant.nom}`,
          params: structureParams,
          body: enfant.creation,
          response: { 201: structureGeree, ...erreursEcriture },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return enfant.creer(req.ctx, req.params.id, req.body as never);
      },
    );
    app.patch(
      `/api/v1/gestion/structures/:id/${enfant.chemin}/:objetId`,
      {
        config: { access: modifier },
        schema: {
          tags,
          summary: `Modifier ${enfant.nom}`,
          params: objetParams,
          body: enfant.modification,
          response: { 200: structureGeree, ...erreursEcriture },
        },
      },
      async (req) => enfant.modifierUn(req.ctx, req.params.id, req.params.objetId, req.body as never),
    );
    app.delete(
      `/api/v1/gestion/structures/:id/${enfant.chemin}/:objetId`,
      {
        config: { access: modifier },
        schema: {
          tags,
          summary: `Supprimer ${enfant.nom}`,
          params: objetParams,
          querystring: suppressionQuery,
          response: { 200: structureGeree, ...erreursEcriture },
        },
      },
      async (req) => enfant.supprimer(req.ctx, req.params.id, req.params.objetId, req.query.version),
    );
  }
};
