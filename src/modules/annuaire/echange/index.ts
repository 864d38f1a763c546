export { exportRoutes } from './echange.routes.js';
