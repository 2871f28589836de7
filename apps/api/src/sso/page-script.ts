/**
 * The hosted page's only script (served inline with a CSP nonce): tabs (WAI-ARIA tabs pattern:
 * one tab stop, arrow keys, Home and End move between them), live validation (Luhn, expiry, ABA
 * routing check digit, the plan pages' authorization box) announced to screen readers, focus on
 * the first field the server refused, and a single submission.
 */
export const PAGE_SCRIPT = `(function(){
var f=document.getElementById('pay');if(!f)return;
var tender=document.getElementById('tender');
function $(id){return document.getElementById(id)}
function digits(v){return (v||'').replace(/[\\s-]/g,'')}
function luhn(n){if(!/^\\d{12,19}$/.test(n))return false;var s=0,d=false;for(var i=n.length-1;i>=0;i--){var x=+n[i];if(d){x*=2;if(x>9)x-=9}s+=x;d=!d}return s%10===0}
function expiry(v){var m=/^(\\d{2})\\s*[\\/-]?\\s*(\\d{2}|\\d{4})$/.exec((v||'').trim());if(!m)return false;var mo=+m[1],y=+m[2];if(y<100)y+=2000;if(mo<1||mo>12)return false;var now=new Date();return y>now.getFullYear()||(y===now.getFullYear()&&mo>=now.getMonth()+1)}
function aba(r){if(!/^\\d{9}$/.test(r))return false;var w=[3,7,1],s=0;for(var i=0;i<9;i++)s+=(+r[i])*w[i%3];return s%10===0}
var rules={
amount:function(v){return /^\\d{1,7}(\\.\\d{1,2})?$/.test((v||'').trim())&&+v>0?'':'Enter an amount like 25.00'},
cardNumber:function(v){return luhn(digits(v))?'':'Enter a valid card number'},
cardExpiration:function(v){return expiry(v)?'':'Enter a future expiration date as MM/YY'},
cardVerificationNumber:function(v){return !v||/^\\d{3,4}$/.test(v.trim())?'':'The security code is 3 or 4 digits'},
routingNumber:function(v){return aba(digits(v))?'':'Enter a valid 9-digit routing number'},
accountNumber:function(v){return /^\\d{4,17}$/.test(digits(v))?'':'Enter the account number (4 to 17 digits)'},
authorize:function(v,el){return el.checked?'':'Tick the box to authorize these payments'}};
function check(id){var el=$(id);if(!el||el.closest('[hidden]'))return true;var msg=rules[id](el.value,el);el.setAttribute('aria-invalid',msg?'true':'false');$(id+'-err').textContent=msg;return !msg}
Object.keys(rules).forEach(function(id){var el=$(id);if(el){el.addEventListener('blur',function(){check(id)});el.addEventListener('input',function(){if(el.getAttribute('aria-invalid')==='true')check(id)})}});
var tabs=Array.prototype.slice.call(document.querySelectorAll('[role=tab]'));
function select(t,focus){tabs.forEach(function(o){var on=o===t;o.setAttribute('aria-selected',on?'true':'false');o.tabIndex=on?0:-1;$(o.getAttribute('aria-controls')).hidden=!on});tender.value=t.id==='tab-check'?'ECheck':'CreditCard';if(focus)t.focus()}
tabs.forEach(function(t,i){t.addEventListener('click',function(){select(t)});
t.addEventListener('keydown',function(e){var n={ArrowRight:i+1,ArrowLeft:i-1,Home:0,End:tabs.length-1}[e.key];if(n===undefined)return;e.preventDefault();select(tabs[(n+tabs.length)%tabs.length],true)})});
var bad=f.querySelector('[aria-invalid=true]');if(bad)bad.focus();
var sent=false;
f.addEventListener('submit',function(e){var ok=true,first=null;Object.keys(rules).forEach(function(id){if(!check(id)){ok=false;first=first||$(id)}});
if(!ok){e.preventDefault();$('form-error').textContent='Please correct the highlighted fields.';if(first)first.focus();return}
if(sent){e.preventDefault();return}sent=true;var b=$('pay-button');b.disabled=true;b.textContent='Processing…'});
})();`;
