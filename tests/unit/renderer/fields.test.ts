// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import SelectField from '../../../src-renderer/components/fields/SelectField.vue';
import TextField from '../../../src-renderer/components/fields/TextField.vue';
import type { FieldOption } from '../../../src-renderer/components/fields/options';

const THEMES: FieldOption<string>[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'high', label: 'High contrast', disabled: true },
];

/** The text of the labels a control is named by, as a screen reader finds them. */
const labelsOf = (control: HTMLSelectElement | HTMLInputElement) =>
  [...(control.labels ?? [])].map((l) => {
    // A label that wraps the control: its name is its own text, not the control's.
    const copy = l.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('select, input').forEach((c) => c.remove());
    return copy.textContent?.trim();
  });

describe('SelectField', () => {
  it('names the drop-down by its label, offers the options as text, and changes the model both ways', async () => {
    const wrapper = mount(SelectField<string>, {
      props: { label: 'Theme', options: THEMES, modelValue: 'dark', 'onUpdate:modelValue': (v: string) => void wrapper.setProps({ modelValue: v }) },
      attachTo: document.body,
    });
    const select = wrapper.get('select').element;
    expect(labelsOf(select)).toEqual(['Theme']);
    expect(wrapper.findAll('option').map((o) => [o.text(), o.element.value, o.element.disabled])).toEqual([
      ['Light', 'light', false],
      ['Dark', 'dark', false],
      ['High contrast', 'high', true],
    ]);
    expect(select.value).toBe('dark');

    await wrapper.get('select').setValue('light');
    expect(wrapper.props('modelValue')).toBe('light');

    await wrapper.setProps({ modelValue: 'dark' });
    expect(select.value).toBe('dark');
    wrapper.unmount();
  });

  it('with an id: a label for the control and a hint that describes it; the class on the outer box', async () => {
    const wrapper = mount(SelectField<string | null>, {
      props: {
        id: 'report-filter',
        label: 'Filter',
        hint: 'Only properties with fixed values',
        options: [{ value: null, label: 'None' }, ...THEMES],
        modelValue: null,
        disabled: true,
        required: true,
      },
      attrs: { class: 'field' },
      attachTo: document.body,
    });
    const select = wrapper.get('select');
    expect(wrapper.element.tagName).toBe('DIV');
    expect(wrapper.classes()).toEqual(['field']);
    expect(wrapper.get('label').attributes('for')).toBe('report-filter');
    expect(labelsOf(select.element)).toEqual(['Filter']);
    expect(document.getElementById(select.attributes('aria-describedby') ?? '')?.textContent).toBe('Only properties with fixed values');
    expect(select.element.disabled).toBe(true);
    expect(select.element.required).toBe(true);
    expect(select.element.selectedOptions[0]?.textContent).toBe('None');

    await wrapper.setProps({ disabled: false });
    await select.setValue('light');
    expect(wrapper.emitted('update:modelValue')).toEqual([['light']]);
    wrapper.unmount();
  });

  it('shows a label from the CRM as text, never as markup', () => {
    const wrapper = mount(SelectField<string>, {
      props: { label: '<b>Owner</b>', options: [{ value: 'x', label: '<img src=x onerror=alert(1)>' }], modelValue: 'x' },
    });
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.get('option').text()).toBe('<img src=x onerror=alert(1)>');
    expect(wrapper.get('span').text()).toBe('<b>Owner</b>');
  });
});

describe('TextField', () => {
  it('names the text box by its label and changes the model both ways', async () => {
    const wrapper = mount(TextField, {
      props: { label: 'Subject', modelValue: 'Call Acme', required: true, maxlength: 500 },
      attrs: { class: 'field' },
      attachTo: document.body,
    });
    const input = wrapper.get('input');
    expect(wrapper.element.tagName).toBe('LABEL');
    expect(wrapper.classes()).toEqual(['field']);
    expect(labelsOf(input.element)).toEqual(['Subject']);
    expect(input.attributes('type')).toBe('text');
    expect(input.element.required).toBe(true);
    expect(input.attributes('maxlength')).toBe('500');
    expect(input.element.value).toBe('Call Acme');

    await input.setValue('Call Globex');
    expect(wrapper.emitted('update:modelValue')).toEqual([['Call Globex']]);

    await wrapper.setProps({ modelValue: 'Email Initech' });
    expect(input.element.value).toBe('Email Initech');
    wrapper.unmount();
  });

  it('with an id: a label for the input, and the type asked for', () => {
    const wrapper = mount(TextField, { props: { id: 'pl-view-name', label: 'Name', type: 'search', modelValue: '' }, attachTo: document.body });
    const input = wrapper.get('input');
    expect(wrapper.element.tagName).toBe('DIV');
    expect(wrapper.get('label').attributes('for')).toBe('pl-view-name');
    expect(labelsOf(input.element)).toEqual(['Name']);
    expect(input.attributes('type')).toBe('search');
    expect(input.attributes('required')).toBeUndefined();
    wrapper.unmount();
  });

  it('shows a label from the CRM as text, never as markup', () => {
    const wrapper = mount(TextField, { props: { label: '<i>Name</i>', modelValue: '' } });
    expect(wrapper.find('i').exists()).toBe(false);
    expect(wrapper.get('span').text()).toBe('<i>Name</i>');
  });
});
