import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { AppException } from '../errors/app-exception';
import { createValidationPipe } from './validation-pipe';

function InRange(min: number, max: number) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'inRange',
      target: object.constructor,
      propertyName,
      constraints: [min, max],
      validator: { validate: (v: unknown) => typeof v === 'number' && v >= min && v <= max },
    });
}

class AddressDto {
  @IsString()
  @MaxLength(10)
  street: string;
}

class SampleDto {
  @IsString()
  @MaxLength(5)
  name: string;

  @IsInt()
  @Min(1)
  @Max(100)
  floors: number;

  @IsOptional()
  @InRange(0.5, 500)
  load?: number;

  @IsOptional()
  @IsBoolean()
  hasGas?: boolean;

  @IsOptional()
  @IsIn(['steel', 'other'])
  structure?: string;

  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @IsOptional()
  @IsISO8601()
  vacantSince?: string;

  @IsOptional()
  @Matches(/^[0-9]+$/)
  phone?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ArrayUnique()
  tags?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

async function issuesFor(body: unknown) {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(body, { type: 'body', metatype: SampleDto });
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    const app = error as AppException;
    expect(app.status).toBe(400);
    expect(app.code).toBe('VALIDATION_FAILED');
    return app.details;
  }
  throw new Error('expected a validation failure');
}

describe('validation pipe', () => {
  it('accepts and transforms a valid body', async () => {
    const out = await createValidationPipe().transform(
      { name: 'A1', floors: 3 },
      { type: 'body', metatype: SampleDto },
    );
    expect(out).toBeInstanceOf(SampleDto);
  });

  it('reports missing fields as required and unknown fields as unknown_field', async () => {
    expect(await issuesFor({ extra: 1 })).toEqual([
      { field: 'extra', code: 'unknown_field' },
      { field: 'name', code: 'required' },
      { field: 'floors', code: 'required' },
    ]);
  });

  it('maps each constraint to its domain code with params, one issue per field', async () => {
    expect(
      await issuesFor({
        name: 'too long a name',
        floors: 0,
        load: 900,
        hasGas: 'yes',
        structure: 'wood',
        buildingId: 'nope',
        vacantSince: '2024-13-45',
        phone: 'abc',
        tags: ['a', 'b', 'c'],
      }),
    ).toEqual([
      { field: 'name', code: 'too_long', params: { max: 5 } },
      { field: 'floors', code: 'out_of_range', params: { min: 1, max: 100 } },
      { field: 'load', code: 'out_of_range', params: { min: 0.5, max: 500 } },
      { field: 'hasGas', code: 'not_boolean' },
      { field: 'structure', code: 'invalid_choice' },
      { field: 'buildingId', code: 'invalid_uuid' },
      { field: 'vacantSince', code: 'invalid_date' },
      { field: 'phone', code: 'invalid_format' },
      { field: 'tags', code: 'too_many_items', params: { max: 2 } },
    ]);
  });

  it('reports duplicate list items', async () => {
    expect(await issuesFor({ name: 'ok', floors: 2, tags: ['a', 'a'] })).toEqual([
      { field: 'tags', code: 'duplicate_items' },
    ]);
  });

  it('prefers the type error over range errors', async () => {
    expect(await issuesFor({ name: 'ok', floors: 'three' })).toEqual([
      { field: 'floors', code: 'not_integer' },
    ]);
  });

  it('gives nested fields dotted paths', async () => {
    expect(
      await issuesFor({ name: 'ok', floors: 2, address: { street: 'x'.repeat(11), zip: 1 } }),
    ).toEqual([
      { field: 'address.zip', code: 'unknown_field' },
      { field: 'address.street', code: 'too_long', params: { max: 10 } },
    ]);
  });
});
