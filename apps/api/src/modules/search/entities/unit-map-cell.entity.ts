import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Units on the market summed per 0.01° cell, kept by triggers on `units` (migration
 * 1763971300000-map-cells); read by the map at low zooms. Never written by the application.
 */
@Entity('unit_map_cells')
export class UnitMapCellEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'unit_map_cells_pk' })
  cx: number;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'unit_map_cells_pk' })
  cy: number;

  @Column({ type: 'integer' })
  units: number;

  @Column({ name: 'gross_area', type: 'numeric' })
  grossArea: string;

  @Column({ name: 'lng_sum', type: 'double precision' })
  lngSum: number;

  @Column({ name: 'lat_sum', type: 'double precision' })
  latSum: number;
}
