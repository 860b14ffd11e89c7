/* The demo shop's basket: it only counts. */
(function () {
  'use strict';
  let count = 0;
  document.addEventListener('click', e => {
    const add = e.target.closest('.add');
    if (!add) return;
    count++;
    const name = add.closest('.product').querySelector('h3').textContent;
    document.getElementById('basket').textContent = 'Added “' + name + '”. ' + count + (count === 1 ? ' item' : ' items') + ' in your basket.';
  });
})();
