// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import DetailList from '../../../src-renderer/components/DetailList.vue';

describe('DetailList', () => {
  it('shows each detail as a term and its value, leaves out the empty ones, and puts a note after its value', () => {
    const wrapper = mount(DetailList, {
      props: {
        rows: [
          { term: 'When', value: 'Mon 10:00 – 11:00', note: 'Europe/Warsaw', testId: 'when' },
          { term: 'Location', value: '' },
          { term: 'Notes', value: 'Agenda:\n- renewal', multiline: true },
        ],
      },
    });
    expect(wrapper.findAll('dt').map((d) => d.text())).toEqual(['When', 'Notes']);
    expect(wrapper.findAll('dd').map((d) => d.element.textContent)).toEqual(['Mon 10:00 – 11:00 (Europe/Warsaw)', 'Agenda:\n- renewal']);
    expect(wrapper.get('[data-testid="when"] .note').text()).toBe('(Europe/Warsaw)');
    expect(wrapper.findAll('dd')[1]?.classes()).toEqual(['multiline']);
  });

  it('shows values from the CRM as text, never as markup', () => {
    const wrapper = mount(DetailList, { props: { rows: [{ term: '<b>Status</b>', value: '<img src=x onerror=alert(1)>' }] } });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.get('dd').text()).toBe('<img src=x onerror=alert(1)>');
  });
});
