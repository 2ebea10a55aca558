/**
 * The unit page, favourites and saved searches (docs/search-api.md §5–7), over the generated
 * client: GET /public/units/{id}, /firms/me/favourites and /firms/me/saved-searches.
 */
import type { Schemas } from '@factoryspace/api-client';
import { api, unwrap } from './http';

/** A unit as the public lists show it (`PublicUnitCardDto`). */
export type PublicUnitCard = Schemas['PublicUnitCardDto'];
/** The public unit page (`PublicUnitDetailDto`): the dossier, park, zone and similar units. */
export type PublicUnitDetail = Schemas['PublicUnitDetailDto'];
export type UnitPhoto = Schemas['UnitPhotoDto'];
/** A favourite; `unit` is null when the unit is no longer on the market. */
export type FavouriteItem = Schemas['FavouriteDto'];
export type SavedSearch = Schemas['SavedSearchDto'];
export type SavedSearchCreateBody = Schemas['CreateSavedSearchDto'];
export type SavedSearchPatchBody = Schemas['UpdateSavedSearchDto'];

export function getPublicUnit(id: string, signal?: AbortSignal): Promise<PublicUnitDetail> {
  return unwrap(api.GET('/api/v1/public/units/{id}', { params: { path: { id } }, signal }));
}

// --- Favourites (role firm) ---------------------------------------------------------------------

export function listFavourites(signal?: AbortSignal): Promise<{ items: FavouriteItem[] }> {
  return unwrap(api.GET('/api/v1/firms/me/favourites', { signal }));
}

/** Adds a unit (idempotent); 404 when it is not on the market, 409 FAVOURITES_FULL above 200. */
export async function addFavourite(unitId: string): Promise<void> {
  await unwrap(api.PUT('/api/v1/firms/me/favourites/{unitId}', { params: { path: { unitId } } }));
}

export async function removeFavourite(unitId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/firms/me/favourites/{unitId}', { params: { path: { unitId } } }),
  );
}

// --- Saved searches (role firm) -----------------------------------------------------------------

export function listSavedSearches(signal?: AbortSignal): Promise<{ items: SavedSearch[] }> {
  return unwrap(api.GET('/api/v1/firms/me/saved-searches', { signal }));
}

/** 400 INVALID_SAVED_QUERY when the query is not a valid search; 409 SAVED_SEARCHES_FULL. */
export function createSavedSearch(body: SavedSearchCreateBody): Promise<SavedSearch> {
  return unwrap(api.POST('/api/v1/firms/me/saved-searches', { body }));
}

export function updateSavedSearch(id: string, body: SavedSearchPatchBody): Promise<SavedSearch> {
  return unwrap(
    api.PATCH('/api/v1/firms/me/saved-searches/{id}', { params: { path: { id } }, body }),
  );
}

export async function deleteSavedSearch(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/firms/me/saved-searches/{id}', { params: { path: { id } } }));
}

/** The card of a unit from its page (for lists built from unit pages, e.g. local favourites). */
export function cardOf(unit: PublicUnitDetail): PublicUnitCard {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    zoneId: unit.zoneId,
    zoneName: unit.zoneName,
    parkId: unit.parkId,
    parkName: unit.parkName,
    latitude: unit.latitude,
    longitude: unit.longitude,
    grossArea: unit.grossArea,
    floorFrom: unit.floorFrom,
    floorTo: unit.floorTo,
    buildingFloors: unit.buildingFloors,
    floorHeightM: unit.floorHeightM,
    floorLoadKnM2: unit.floorLoadKnM2,
    powerCapacityKva: unit.powerCapacityKva,
    craneCapacityT: unit.craneCapacityT,
    hasWater: unit.hasWater,
    hasGas: unit.hasGas,
    hasHeating: unit.hasHeating,
    hasSewage: unit.hasSewage,
    hasFibre: unit.hasFibre,
    unitClass: unit.unitClass,
    acceptanceStatus: unit.acceptanceStatus,
    fireSafetyStatus: unit.fireSafetyStatus,
    occupancyStatus: unit.occupancyStatus === 'reserved' ? 'reserved' : 'vacant',
    vacantSince: unit.vacantSince,
    idleMonths: unit.idleMonths,
    listRentFen: unit.listRentFen,
    suitableIndustries: unit.suitableIndustries,
    publishedAt: unit.publishedAt,
    distanceKm: null,
  };
}
