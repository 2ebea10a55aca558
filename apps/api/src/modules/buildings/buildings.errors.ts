import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';

export enum BuildingsErrorCode {
  BUILDING_NOT_FOUND = 'BUILDING_NOT_FOUND',
  BUILDING_CODE_TAKEN = 'BUILDING_CODE_TAKEN',
  BUILDING_IN_USE = 'BUILDING_IN_USE',
  BUILDING_FLOORS_IN_USE = 'BUILDING_FLOORS_IN_USE',
}

export const BuildingsErrors = {
  notFound: () =>
    new AppException(HttpStatus.NOT_FOUND, BuildingsErrorCode.BUILDING_NOT_FOUND, {
      'zh-CN': '楼栋不存在',
      en: 'Building not found',
    }),
  codeTaken: (code: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      BuildingsErrorCode.BUILDING_CODE_TAKEN,
      {
        'zh-CN': '该开发区内楼栋代码已被使用',
        en: 'This building code is already in use in the zone',
      },
      { code },
    ),
  inUse: () =>
    new AppException(HttpStatus.CONFLICT, BuildingsErrorCode.BUILDING_IN_USE, {
      'zh-CN': '楼栋下仍有厂房档案(含已删除档案),不能删除',
      en: 'The building still has unit dossiers (deleted ones included) and cannot be deleted',
    }),
  floorsInUse: (highestUnitFloor: number) =>
    new AppException(
      HttpStatus.CONFLICT,
      BuildingsErrorCode.BUILDING_FLOORS_IN_USE,
      {
        'zh-CN': `楼栋内有厂房位于第 ${highestUnitFloor} 层,层数不能少于该层`,
        en: `A unit of this building is on floor ${highestUnitFloor}; the building cannot have fewer floors`,
      },
      { highestUnitFloor },
    ),
};
