import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldIssueDto {
  @ApiProperty({ example: 'grossArea' })
  field: string;

  @ApiProperty({ example: 'out_of_range', description: 'One of ISSUE_CODES (packages/domain)' })
  code: string;

  @ApiProperty({ example: '应在 1 至 1000000 之间' })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  params?: Record<string, string | number>;
}

/** Every error body: `{ code, message, details? }` (docs/api.md). */
export class ErrorResponseDto {
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: '提交的数据有误,请检查标出的字段' })
  message: string;

  @ApiPropertyOptional({
    description: 'Field issues for VALIDATION_FAILED; other codes may carry an object',
    oneOf: [
      { type: 'array', items: { $ref: '#/components/schemas/FieldIssueDto' } },
      { type: 'object' },
    ],
  })
  details?: FieldIssueDto[] | Record<string, unknown>;
}
