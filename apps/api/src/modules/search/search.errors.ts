import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';

export enum SearchErrorCode {
  INVALID_RANGE = 'INVALID_RANGE',
  INVALID_BBOX = 'INVALID_BBOX',
  NEAR_POINT_REQUIRED = 'NEAR_POINT_REQUIRED',
}

const RANGE_FIELDS: Record<string, { 'zh-CN': string; en: string }> = {
  area: { 'zh-CN': '面积', en: 'area' },
};

export const SearchErrors = {
  /** min > max. */
  invalidRange: (field: 'area', min: number, max: number) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      SearchErrorCode.INVALID_RANGE,
      {
        'zh-CN': `${RANGE_FIELDS[field]['zh-CN']}下限(${min})不能大于上限(${max})`,
        en: `The minimum ${RANGE_FIELDS[field].en} (${min}) is larger than the maximum (${max})`,
      },
      { field, min, max },
    ),
  invalidBbox: (problem: 'out_of_range' | 'antimeridian' | 'empty', bbox: string) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      SearchErrorCode.INVALID_BBOX,
      {
        out_of_range: {
          'zh-CN': '地图范围超出经纬度取值(经度 −180 至 180,纬度 −90 至 90)',
          en: 'The box is outside longitude −180…180 / latitude −90…90',
        },
        antimeridian: {
          'zh-CN': '地图范围不能跨越 180° 经线(西边界须小于东边界),请分成两次查询',
          en: 'The box crosses the antimeridian (west must be less than east); query each side separately',
        },
        empty: {
          'zh-CN': '地图范围为空(南边界须小于北边界)',
          en: 'The box is empty (south must be less than north)',
        },
      }[problem],
      { problem, bbox },
    ),
  nearPointRequired: () =>
    new AppException(HttpStatus.BAD_REQUEST, SearchErrorCode.NEAR_POINT_REQUIRED, {
      'zh-CN': '按距离排序或按半径筛选时需要提供位置(nearLat 和 nearLng)',
      en: 'Sorting by distance or filtering by radius needs a point (nearLat and nearLng)',
    }),
};
