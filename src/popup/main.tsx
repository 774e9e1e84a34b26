import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { Popup } from './Popup';

document.documentElement.lang = navigator.language.startsWith('ja') ? 'ja' : 'en';
render(<Popup />, document.getElementById('app')!);
