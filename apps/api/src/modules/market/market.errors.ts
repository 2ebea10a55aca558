import { HttpStatus } from '@nestjs/common';
import type { FieldIssue } from '@factoryspace/domain';
import { AppException } from '../../common/errors/app-exception';

export enum MarketErrorCode {
  FAVOURITES_FULL = 'FAVOURITES_FULL',
  SAVED_SEARCHES_FULL = 'SAVED_SEARCHES_FULL',
  SAVED_SEARCH_NOT_FOUND = 'SAVED_SEARCH_NOT_FOUND',
  INVALID_SAVED_QUERY = 'INVALID_SAVED_QUERY',
}

export const MAX_FAVOURITES = 200;
export const MAX_SAVED_SEARCHES = 20;

export const MarketErrors = {
  favouritesFull: () =>
    new AppException(
      HttpStatus.CONFLICT,
      MarketErrorCode.FAVOURITES_FULL,
      {
        'zh-CN': `收藏已满(最多 ${MAX_FAVOURITES} 个),请先移除一些`,
        en: `Your favourites are full (at most ${MAX_FAVOURITES}); remove some first`,
      },
      { max: MAX_FAVOURITES },
    ),
  savedSearchesFull: () =>
    new AppException(
      HttpStatus.CONFLICT,
      MarketErrorCode.SAVED_SEARCHES_FULL,
      {
        'zh-CN': `最多保存 ${MAX_SAVED_SEARCHES} 个搜索,请先删除一些`,
        en: `You can keep at most ${MAX_SAVED_SEARCHES} saved searches; delete some first`,
      },
      { max: MAX_SAVED_SEARCHES },
    ),
  savedSearchNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, MarketErrorCode.SAVED_SEARCH_NOT_FOUND, {
      'zh-CN': '保存的搜索不存在',
      en: 'Saved search not found',
    }),
  invalidSavedQuery: (details: FieldIssue[] | Record<string, unknown>) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      MarketErrorCode.INVALID_SAVED_QUERY,
      { 'zh-CN': '要保存的搜索条件无效', en: 'The search to save is not valid' },
      details,
    ),
};
