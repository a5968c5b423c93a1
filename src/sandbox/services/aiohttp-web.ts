/**
 * The reader's `web` (`import { web } from "aiohttp"`): `aiohttp.web` on the simulated network.
 * Python: `from aiohttp import web`.
 */
export {
  Application,
  AppRunner,
  delete_ as delete,
  get,
  post,
  put,
  RouteDef,
  RouteTableDef,
  runApp,
  TCPSite,
  UrlDispatcher,
} from "./aiohttp-web-app.ts";
export {
  type Handler,
  HTTPBadRequest,
  HTTPException,
  HTTPForbidden,
  HTTPInternalServerError,
  HTTPNotFound,
  jsonResponse,
  MatchInfo,
  Request,
  Response,
  type ResponseOptions,
} from "./aiohttp-web-types.ts";
