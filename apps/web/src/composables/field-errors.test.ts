import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { issueText, mapApiError, topLevelField } from './field-errors';

const FORM_FIELDS = ['code', 'usableArea', 'floorTo', 'suitableIndustries', 'buildingId'];

describe('mapApiError', () => {
  it('puts each 400 VALIDATION_FAILED detail under its form field', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      message: '请求数据有误',
      details: [
        { field: 'usableArea', code: 'usable_exceeds_gross', message: '使用面积不能大于建筑面积' },
        { field: 'floorTo', code: 'floor_exceeds_building', message: '楼层超出该楼栋的层数(3 层)' },
        { field: 'suitableIndustries[1]', code: 'invalid_choice', message: '不是允许的选项' },
        { field: 'zoneId', code: 'unknown_field', message: '不允许的字段' },
        { field: 'mystery', code: 'unknown_field', message: '不允许的字段' },
      ],
    });
    const mapped = mapApiError(error, FORM_FIELDS, { zoneId: 'buildingId' });
    expect(mapped.kind).toBe('validation');
    expect(Object.keys(mapped.fieldIssues).sort()).toEqual([
      'buildingId',
      'floorTo',
      'suitableIndustries',
      'usableArea',
    ]);
    expect(mapped.fieldIssues.usableArea?.[0]?.code).toBe('usable_exceeds_gross');
    expect(mapped.general).toEqual(['mystery: 不允许的字段']);
  });

  it('recognises a version conflict and its current version', () => {
    const error = new ApiError(409, {
      code: 'VERSION_CONFLICT',
      message: 'stale',
      details: { currentVersion: 7 },
    });
    expect(mapApiError(error, FORM_FIELDS)).toMatchObject({ kind: 'conflict', currentVersion: 7 });
  });

  it('treats other errors as general messages', () => {
    const error = new ApiError(404, { code: 'UNIT_NOT_FOUND', message: '找不到该厂房' });
    expect(mapApiError(error, FORM_FIELDS)).toMatchObject({
      kind: 'other',
      general: ['找不到该厂房'],
      fieldIssues: {},
    });
  });
});

describe('issueText', () => {
  it('uses the domain message in the current locale for known codes', () => {
    expect(
      issueText({ field: 'usableArea', code: 'usable_exceeds_gross', message: 'x' }, 'en'),
    ).toBe('Usable area cannot exceed gross area');
  });

  it("falls back to the server's message when parameters are missing", () => {
    expect(
      issueText(
        { field: 'floorTo', code: 'floor_exceeds_building', message: '楼层超出(3 层)' },
        'zh-CN',
      ),
    ).toBe('楼层超出(3 层)');
  });

  it('finds the top-level field of a nested path', () => {
    expect(topLevelField('footprint.0.1')).toBe('footprint');
    expect(topLevelField('suitableIndustries[2]')).toBe('suitableIndustries');
  });
});
