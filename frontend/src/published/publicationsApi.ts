import { callApi } from '../app/api';

/**
 * Publishing from a room to the public library, and reading what was published without signing in (docs/rooms.md,
 * "Publishing"): a board as of a moment, or a session dossier, anonymised by the room server, under a Creative
 * Commons licence.
 */

export interface Licence { id: string; name: string; shortName: string; url: string }
export interface PublishedFile { name: string; type: string; bytes: number }
export interface PublicationView {
  id: string; kind: 'BOARD' | 'DOSSIER'; title: string; summary: string | null; licence: Licence; publishedAt: string; contentAt: string;
  decisions: { text: string; owner: string | null; due: string | null }[]; files: PublishedFile[];
}
/** As the room's own people see it: also who published it, and whether it was withdrawn. */
export interface Publication extends PublicationView {
  room: string; dossierVersion: number | null; publishedBy: string; withdrawnAt: string | null;
}
export interface PublishRequest { what: 'board' | 'dossier'; at?: string; version?: number; licence: string; title?: string; summary?: string }

const room = (id: string) => `/api/rooms/${encodeURIComponent(id)}/publications`;
const pub = (id: string) => `/api/public/publications/${encodeURIComponent(id)}`;

export const PUBLISHED_PATH = '/published';
/** The app's public page of a publication (published/PublicationPage.tsx). */
export const publishedUrl = (id: string) => `${PUBLISHED_PATH}/${encodeURIComponent(id)}`;
export const isPublishedPath = (path: string) => /^\/published(\/[^/?#]+)?\/?(\?.*)?$/.test(path);
/** The publication a path names, or null for the list. */
export const publishedIdOf = (path: string) => {
  const m = path.match(/^\/published\/([^/?#]+)/);
  return m ? decodeURIComponent(m[1]) : null;
};

export const publish = (roomId: string, request: PublishRequest) => callApi<Publication>('POST', room(roomId), request);
export const publicationsOf = (roomId: string) => callApi<Publication[]>('GET', room(roomId));
export const withdraw = (roomId: string, id: string) => callApi<Publication>('DELETE', `${room(roomId)}/${encodeURIComponent(id)}`);

export const licences = () => callApi<Licence[]>('GET', '/api/public/publications/licences');
export const latestPublications = () => callApi<PublicationView[]>('GET', '/api/public/publications?limit=50');
export const publication = (id: string) => callApi<PublicationView>('GET', pub(id));
export const publicationFileUrl = (id: string, name: string) => `${pub(id)}/files/${encodeURIComponent(name)}`;
