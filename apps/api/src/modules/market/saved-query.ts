import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppException } from '../../common/errors/app-exception';
import { toFieldIssues } from '../../common/validation/validation-pipe';
import { SearchUnitsQueryDto } from '../search/dto/search.dto';
import { toSearchFilter } from '../search/search.service';
import { MarketErrors } from './market.errors';

/** Page keys a saved search does not keep: where the list was, not what it looks for. */
const DROPPED_KEYS = new Set(['cursor', 'limit']);

/**
 * A saved search's query string, checked exactly as the search endpoint checks its query
 * (the same DTO, the same range and point rules). Returns the DTO and the string to store
 * (without paging keys).
 */
export function parseSavedQuery(query: string): { dto: SearchUnitsQueryDto; normalized: string } {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const plain: Record<string, string | string[]> = {};
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    if (DROPPED_KEYS.has(key)) continue;
    kept.append(key, value);
    const existing = plain[key];
    plain[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  const dto = plainToInstance(SearchUnitsQueryDto, plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw MarketErrors.invalidSavedQuery(toFieldIssues(errors));
  try {
    toSearchFilter(dto);
  } catch (error) {
    if (error instanceof AppException) {
      throw MarketErrors.invalidSavedQuery({ code: error.code, message: error.text });
    }
    throw error;
  }
  return { dto, normalized: kept.toString() };
}
