import { ApiProperty } from '@nestjs/swagger';

/** Totals of a quote: plain sums of its monthly lines (fen), and the averages derived from them. */
export class QuoteTotalsDto {
  @ApiProperty() listFen: number;
  @ApiProperty() discountFen: number;
  @ApiProperty() rentFen: number;
  @ApiProperty() deferredFen: number;
  @ApiProperty() repaidFen: number;
  @ApiProperty() dueFen: number;
  @ApiProperty({ description: 'listFen − rentFen' }) savingsFen: number;
  @ApiProperty({ description: 'Rent total ÷ area ÷ months, fen per m² per month, two decimals' })
  effectiveRentFenPerM2: number;
  @ApiProperty({ description: 'Savings as a percentage of the list total, two decimals' })
  savingsPct: number;
}
