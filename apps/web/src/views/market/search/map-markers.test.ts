import { describe, expect, it, vi } from 'vitest';
import {
  clusterElement,
  clusterLabel,
  clusterSize,
  popupElement,
  unitElement,
} from './map-markers';

describe('map markers', () => {
  it('grows clusters with the count, within bounds', () => {
    expect(clusterSize(1)).toBe(30);
    expect(clusterSize(10)).toBeGreaterThan(clusterSize(2));
    expect(clusterSize(1000)).toBeGreaterThan(clusterSize(100));
    expect(clusterSize(10_000_000)).toBe(64);
  });

  it('labels big clusters briefly', () => {
    expect(clusterLabel(5321, 'zh-CN')).toBe('5321');
    expect(clusterLabel(12_345, 'zh-CN')).toBe('1.2万');
    expect(clusterLabel(12_345, 'en')).toBe('12k');
  });

  it('builds clusters and units as DOM with stable test ids', () => {
    const cluster = clusterElement(48, '48', '48 个厂房,点击放大');
    expect(cluster.dataset.testid).toBe('map-cluster');
    expect(cluster.dataset.count).toBe('48');
    expect(cluster.style.width).toBe(`${clusterSize(48)}px`);
    const unit = unitElement('u1', 'quality', '厂房');
    expect(unit.dataset.testid).toBe('map-unit');
    expect(unit.dataset.unitId).toBe('u1');
    expect(unit.style.getPropertyValue('--fs-sm-colour')).toBe('#1f8a4c');
  });

  it('never reads data as HTML in the popup', () => {
    const onOpen = vi.fn();
    const popup = popupElement(
      {
        name: '<img src=x onerror=alert(1)>',
        park: null,
        facts: ['1,200 ㎡ · 面议'],
        linkText: '查看厂房详情',
        href: '/units/u1',
      },
      onOpen,
    );
    expect(popup.root.querySelector('img')).toBeNull();
    expect(popup.root.textContent).toContain('<img src=x onerror=alert(1)>');
    popup.setPark('<b>园区</b>');
    expect(popup.root.querySelector('b')).toBeNull();
    popup.root
      .querySelector('a')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(onOpen).toHaveBeenCalledWith('/units/u1');
  });
});
