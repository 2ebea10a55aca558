/**
 * Custom class-validator decorators. Their constraint names are mapped to domain issue codes by
 * the global ValidationPipe: `inRange` → out_of_range (constraints [min, max]),
 * `isIsoDate` → invalid_date, `isLngLatRing` → polygon_invalid.
 */
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import {
  checkCreditCode,
  isChineseMobile,
  isEmail,
  isIndustryCode,
  isIsoDate,
  isValidRing,
} from '@factoryspace/domain';

export const IN_RANGE = 'inRange';
export const IS_ISO_DATE = 'isIsoDate';
export const IS_LNG_LAT_RING = 'isLngLatRing';

/** A finite number between min and max inclusive. */
export function InRange(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IN_RANGE,
      constraints: [min, max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be between $constraint1 and $constraint2`,
          options,
        ),
      },
    },
    options,
  );
}

/** A real calendar date written YYYY-MM-DD (2023-02-30 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_ISO_DATE,
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a date YYYY-MM-DD`,
          options,
        ),
      },
    },
    options,
  );
}

export interface LngLatRingOptions {
  /** Expect a GeoJSON Polygon `{ type: 'Polygon', coordinates: [ring] }` (one ring, no holes). */
  geoJsonPolygon?: boolean;
}

/** A ring of at least 3 distinct WGS-84 [lng, lat] points, or a GeoJSON Polygon of one such ring. */
export function IsLngLatRing(
  ringOptions: LngLatRingOptions = {},
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_LNG_LAT_RING,
      constraints: [ringOptions.geoJsonPolygon ? 'Polygon' : 'ring'],
      validator: {
        validate: (value: unknown) => {
          if (!ringOptions.geoJsonPolygon) return isValidRing(value);
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const polygon = value as { type?: unknown; coordinates?: unknown };
          const keys = Object.keys(polygon);
          return (
            polygon.type === 'Polygon' &&
            keys.every((key) => key === 'type' || key === 'coordinates') &&
            Array.isArray(polygon.coordinates) &&
            polygon.coordinates.length === 1 &&
            isValidRing(polygon.coordinates[0])
          );
        },
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a ring of at least 3 valid points`,
          options,
        ),
      },
    },
    options,
  );
}

function domainCheck(name: string, test: (value: string) => boolean, options?: ValidationOptions) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && test(value),
        defaultMessage: buildMessage((each) => `${each}$property is not valid (${name})`, options),
      },
    },
    options,
  );
}

/** An email address (`invalid_email`). Normalise (trim, lower-case) with a Transform first. */
export const IsEmailAddress = (options?: ValidationOptions) =>
  domainCheck('isEmailAddress', isEmail, options);

/** An 11-digit mainland mobile number, already normalised (`invalid_mobile`). */
export const IsChineseMobile = (options?: ValidationOptions) =>
  domainCheck('isChineseMobile', isChineseMobile, options);

/** A GB/T 4754-2017 section letter or two-digit division (`invalid_industry_code`). */
export const IsIndustryCode = (options?: ValidationOptions) =>
  domainCheck('isIndustryCode', isIndustryCode, options);

/** A unified social credit code passing GB 32100-2015 (`invalid_credit_code`, params.reason). */
export const IsCreditCode = (options?: ValidationOptions) =>
  domainCheck('isCreditCode', (value) => checkCreditCode(value).valid, options);
